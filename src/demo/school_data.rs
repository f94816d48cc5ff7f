//! The people of the demo school: its tandem and sociale kaart, and the two past meetings. Day
//! numbers are days from today (negative is the past). The families are in `school_families`.

use crate::domain::Reason::{self, CarriedOver, DueSoon, Flagged, New, NotDiscussed, Overdue};
use crate::domain::Side::{self, Onderwijs, Zorg};

pub const SCHOOL: &str = "Basisschool De Regenboog";

/// An entry of the sociale kaart; `key` is how the family tables refer to it.
pub struct Pro {
    pub key: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    pub org: &'static str,
    pub side: Side,
    pub offer: &'static str,
}

const fn pro(
    key: &'static str,
    name: &'static str,
    role: &'static str,
    org: &'static str,
    side: Side,
    offer: &'static str,
) -> Pro {
    Pro {
        key,
        name,
        role,
        org,
        side,
        offer,
    }
}

#[rustfmt::skip]
pub const KAART: [Pro; 22] = [
    pro("ib", "Marloes Kuipers", "onderwijscoach", SCHOOL, Onderwijs,
        "Intern begeleider en onderwijscoach in de tandem. Eerste aanspreekpunt voor leerkrachten en ouders over leren en gedrag."),
    pro("gc", "Yvonne Postma", "gezinscoach", "Welzijn Oost", Zorg,
        "Maatschappelijk werker en gezinscoach in de tandem. Opvoedvragen, praktische steun thuis, meegaan naar instanties."),
    pro("smw", "Karim Bennani", "schoolmaatschappelijk werker", "Welzijn Oost", Zorg,
        "Gesprekken met kind en ouders; groep voor kinderen van gescheiden ouders; training sociale vaardigheden."),
    pro("jvk", "Femke Zwart", "jeugdverpleegkundige", "GGD Oostland", Zorg,
        "Spreekuur op school over slapen, eten, zindelijkheid en gezondheid; weegt en meet."),
    pro("poh", "Ruud Smit", "POH-GGZ", "Huisartsenpraktijk De Linde", Zorg,
        "Kortdurende begeleiding bij spanning, angst en somberheid; verwijst zo nodig door."),
    pro("budget", "Petra Vermeulen", "budgetcoach", "Stichting Rondkomen", Zorg,
        "Samen overzicht in geldzaken, regelingen aanvragen, hulp bij formulieren."),
    pro("rouw", "Wilma Schouten", "rouwtherapeut", "Praktijk Lichtpunt", Zorg,
        "Rouwbegeleiding voor kinderen en gezinnen, ook op school."),
    pro("vve", "Naima Ouali", "zorgcoördinator voorschool", "Peuterspeelzaal Het Klimrek", Onderwijs,
        "Overdracht van voorschool naar groep 1, VVE-indicaties, taalstimulering."),
    pro("kov", "Linda Koster", "pedagogisch medewerker kinderopvang", "Kinderopvang Zonnestraal", Onderwijs,
        "Buitenschoolse opvang; ziet het kind na school en denkt mee over ritme en gedrag."),
    pro("gbt", "Dennis Mulder", "sociaal werker gebiedsteam", "Gebiedsteam Veenhoven-Oost", Zorg,
        "Geldzaken, toeslagen, schulden en wonen; verwijst naar voedselbank en kledingbank."),
    pro("lpa", "Erik van Leeuwen", "leerplichtambtenaar", "Gemeente Veenhoven", Onderwijs,
        "Gesprekken over schoolaanwezigheid met ouders en kind, preventief en bij verzuim."),
    pro("ortho", "Iris Timmermans", "orthopedagoog", "Samenwerkingsverband PO Veenhoven", Onderwijs,
        "Observatie in de klas, onderzoek naar leren en gedrag, handelingsadvies voor de leerkracht."),
    pro("jw", "Youssef Tahiri", "jongerenwerker", "Welzijn Oost", Zorg,
        "Sport en activiteiten na school en in de wijk."),
    pro("jh", "Martijn Brink", "jeugdhulpaanbieder", "Horizon Jeugdhulp", Zorg,
        "Specialistische jeugdhulp: gezinsbehandeling en diagnostiek."),
    pro("ab", "Esther Dekker", "ambulant begeleider", "Horizon Jeugdhulp", Zorg,
        "Begeleiding thuis en in de klas: dagritme, picto's, beloningssysteem."),
    pro("logo", "Bram Kok", "logopedist", "Logopediepraktijk Spraakwater", Zorg,
        "Onderzoek en behandeling van taal en spraak; advies over meertalig opvoeden."),
    pro("jc", "Ilse Jacobs", "jeugdconsulent", "Jeugdloket Veenhoven", Zorg,
        "Toegang tot specialistische jeugdhulp; beschikkingen."),
    pro("lk12", "Lotte Hermans", "leerkracht groep 1/2", SCHOOL, Onderwijs,
        "Leerkracht van de kleuters."),
    pro("lk34", "Joost van der Linden", "leerkracht groep 3/4", SCHOOL, Onderwijs,
        "Leerkracht van groep 3/4."),
    pro("lk5", "Fatma Aydın", "leerkracht groep 5", SCHOOL, Onderwijs,
        "Leerkracht van groep 5."),
    pro("lk6", "Sven Meijer", "leerkracht groep 6", SCHOOL, Onderwijs,
        "Leerkracht van groep 6."),
    pro("lk78", "Priya Ramdin", "leerkracht groep 7/8", SCHOOL, Onderwijs,
        "Leerkracht van groep 7/8."),
];

/// One agenda item of a past meeting; `case` is a case key from the family tables.
pub struct Item {
    pub case: &'static str,
    pub reasons: &'static [Reason],
    pub notes: &'static str,
    pub agreements: &'static [&'static str],
    pub seconds: u32,
}

pub struct Overleg {
    pub day: i64,
    /// Professionals at the table beside the tandem.
    pub guests: &'static [&'static str],
    pub items: &'static [Item],
}

const fn item(
    case: &'static str,
    reasons: &'static [Reason],
    notes: &'static str,
    agreements: &'static [&'static str],
    seconds: u32,
) -> Item {
    Item {
        case,
        reasons,
        notes,
        agreements,
        seconds,
    }
}

#[rustfmt::skip]
pub const MEETINGS: [Overleg; 2] = [
    Overleg {
        day: -14,
        guests: &["jvk"],
        items: &[
            item("yassin", &[Flagged, NotDiscussed],
                "Mist nog steeds veel maandagen. Moeder werkt vroege diensten; Yassin brengt zijn zusjes.",
                &["Onderwijscoach plant een preventief gesprek met leerplicht; geen sancties.",
                  "Gezinscoach zoekt uit of de zusjes naar de voorschoolse opvang kunnen."], 540),
            item("jakub", &[New],
                "Kledingbank is gelukt, Jakub heeft een winterjas. Kampgeld nog niet rond.",
                &["Onderwijscoach regelt met de directeur een betalingsregeling voor het kamp."], 420),
            item("kiran", &[DueSoon],
                "Thuisobservatie gedaan; woedebuien vooral op maandag na het weekend bij vader.",
                &["Beloningskaart van school ook thuis gebruiken."], 480),
            item("rayan", &[Flagged],
                "Pleegmoeder ongerust: het pesten gaat door in de grote pauze.",
                &["Extra pleinwacht in de grote pauze.", "Schoolmaatschappelijk werker houdt een groepsgesprek in 7/8."], 600),
            item("yonas", &[New],
                "Samen met moeder naar de intake van de voedselbank geweest. Moeder opent zich wat meer.",
                &["Gezinscoach gaat mee naar de kledingbank."], 480),
            item("emir", &[CarriedOver],
                "Emir is erg stil. Hij is aangemeld voor de groep voor kinderen van gescheiden ouders.",
                &["Leerkracht doet elke ochtend een korte check-in met Emir."], 300),
        ],
    },
    Overleg {
        day: -7,
        guests: &[],
        items: &[
            item("julia", &[Flagged, New],
                "Heropend: buikpijn op de wisseldagen is terug. Ouders communiceren weer lastig.",
                &["Gezinscoach plant een gesprek met beide ouders samen."], 720),
            item("yassin", &[CarriedOver, Overdue],
                "Gesprek met leerplicht staat. Opvang voor de zusjes nog niet uitgezocht.",
                &["Gezinscoach regelt een afspraak bij de jeugdverpleegkundige over de buikpijn."], 540),
            item("maksym", &[New],
                "Aangemeld bij de POH-GGZ. Koptelefoon in de klas helpt.",
                &["POH-GGZ geeft uitleg over stress aan moeder en oma."], 480),
            item("lina", &[New],
                "Gewogen en gemeten: licht ondergewicht. Ouders zijn ongerust maar werken goed mee.",
                &["Ouders houden twee weken een eetdagboek bij."], 420),
            item("daan", &[DueSoon],
                "Inslapen gaat wat beter sinds het avondritueel. Overdag nog moe.",
                &["Over drie weken evalueren met moeder."], 300),
            item("emir", &[Flagged],
                "Check-in werkt; Emir vertelt meer. Vader was nog niet bij een gesprek.",
                &["Gezinscoach plant een apart gesprek met vader."], 420),
        ],
    },
];
