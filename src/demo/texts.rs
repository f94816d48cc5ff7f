//! Phrases for the synthetic data: questions, actions, agreements and the roles of the sociale
//! kaart. Short and plain, in the words a tandem would write them down. `{k}` is the child's first
//! name.

use crate::domain::Side;

/// Fictional schools; the synthetic families are spread over them.
pub const SCHOOLS: [&str; 12] = [
    "Basisschool De Regenboog",
    "OBS De Klimboom",
    "CBS Het Kompas",
    "Basisschool De Vlinderhof",
    "OBS Het Veenpad",
    "IKC De Zonnewijzer",
    "CBS De Wegwijzer",
    "Basisschool Het Palet",
    "OBS De Sterrenkijker",
    "Basisschool De Duinroos",
    "IKC Het Anker",
    "OBS De Notenbalk",
];

/// A role on the sociale kaart: the side it works from, where such people work, what they offer.
pub struct Role {
    pub role: &'static str,
    pub side: Side,
    pub orgs: &'static [&'static str],
    pub offer: &'static str,
}

pub static ONDERWIJSCOACH: Role = Role {
    role: "onderwijscoach",
    side: Side::Onderwijs,
    orgs: &[],
    offer: "Intern begeleider; onderwijscoach in de tandem van de school.",
};

pub static GEZINSCOACH: Role = Role {
    role: "gezinscoach",
    side: Side::Zorg,
    orgs: &[
        "Welzijn Oost",
        "Stichting Samen Verder",
        "Welzijnswerk Veenhoven",
    ],
    offer: "Maatschappelijk werker; gezinscoach in de tandem. Opvoedvragen en praktische steun.",
};

pub static LEERKRACHT: Role = Role {
    role: "leerkracht",
    side: Side::Onderwijs,
    orgs: &[],
    offer: "Leerkracht van de groep; ziet het kind elke dag.",
};

/// The wider network, drawn in turn to fill the kaart.
pub static NETWORK: [Role; 13] = [
    Role {
        role: "schoolmaatschappelijk werker",
        side: Side::Zorg,
        orgs: &["Welzijn Oost", "Stichting Samen Verder"],
        offer: "Gesprekken met kind en ouders, groepstraining sociale vaardigheden.",
    },
    Role {
        role: "jeugdverpleegkundige",
        side: Side::Zorg,
        orgs: &["GGD Oostland", "GGD Veenregio"],
        offer: "Spreekuur op school: slapen, eten, zindelijkheid, gezondheid.",
    },
    Role {
        role: "POH-GGZ",
        side: Side::Zorg,
        orgs: &[
            "Huisartsenpraktijk De Linde",
            "Gezondheidscentrum Oostpoort",
        ],
        offer: "Kortdurende begeleiding bij spanning, angst en somberheid.",
    },
    Role {
        role: "budgetcoach",
        side: Side::Zorg,
        orgs: &["Stichting Rondkomen", "Budgetwijzer Veenhoven"],
        offer: "Overzicht in geldzaken, regelingen aanvragen, formulieren invullen.",
    },
    Role {
        role: "rouwtherapeut",
        side: Side::Zorg,
        orgs: &["Praktijk Lichtpunt", "Rouwpraktijk De Overkant"],
        offer: "Rouwbegeleiding voor kinderen en gezinnen, ook op school.",
    },
    Role {
        role: "zorgcoördinator voorschool",
        side: Side::Onderwijs,
        orgs: &["Peuterspeelzaal Het Klimrek", "Voorschool De Kleine Reus"],
        offer: "Overdracht van voorschool naar basisschool, VVE.",
    },
    Role {
        role: "pedagogisch medewerker kinderopvang",
        side: Side::Onderwijs,
        orgs: &["Kinderopvang Zonnestraal", "BSO De Speeltuin"],
        offer: "Ziet het kind na school; denkt mee over ritme en gedrag.",
    },
    Role {
        role: "sociaal werker gebiedsteam",
        side: Side::Zorg,
        orgs: &["Gebiedsteam Veenhoven-Oost", "Gebiedsteam Veenhoven-West"],
        offer: "Geldzaken, toeslagen, schulden en wonen; voedsel- en kledingbank.",
    },
    Role {
        role: "leerplichtambtenaar",
        side: Side::Onderwijs,
        orgs: &["Gemeente Veenhoven"],
        offer: "Gesprekken over schoolaanwezigheid, preventief en bij verzuim.",
    },
    Role {
        role: "orthopedagoog",
        side: Side::Onderwijs,
        orgs: &["Samenwerkingsverband PO Veenhoven"],
        offer: "Observatie in de klas, onderzoek naar leren en gedrag, advies.",
    },
    Role {
        role: "jongerenwerker",
        side: Side::Zorg,
        orgs: &["Welzijn Oost", "Jongerenwerk Veenhoven"],
        offer: "Activiteiten na school en in de wijk.",
    },
    Role {
        role: "jeugdhulpaanbieder",
        side: Side::Zorg,
        orgs: &["Horizon Jeugdhulp", "Jeugdhulp De Brug"],
        offer: "Specialistische jeugdhulp: gezinsbehandeling, diagnostiek.",
    },
    Role {
        role: "ambulant begeleider",
        side: Side::Zorg,
        orgs: &["Horizon Jeugdhulp", "Jeugdhulp De Brug"],
        offer: "Begeleiding thuis en in de klas: dagritme, beloningssysteem.",
    },
];

pub const QUESTIONS: [&str; 22] = [
    "{k} komt 's avonds moeilijk in slaap en is overdag moe in de klas.",
    "{k} heeft het zwaar met de scheiding van de ouders en trekt zich terug.",
    "{k} kan zich slecht concentreren; het werk komt niet af.",
    "{k} mist veel lessen, vooral op maandag, en komt vaak te laat.",
    "Het gezin heeft geldzorgen; er is geen geld voor het schoolreisje.",
    "{k} is somber sinds opa is overleden.",
    "{k} wordt gepest op het plein en wil niet meer buitenspelen.",
    "{k} krijgt thuis woedebuien; moeder weet niet hoe ze {k} kan kalmeren.",
    "{k} heeft vaak geen brood bij zich en te dunne kleren aan.",
    "{k} huilt elke ochtend bij het afscheid en wil niet naar binnen.",
    "{k} plast weer in de broek sinds de geboorte van een broertje.",
    "Ouders maken zich zorgen over het eten: {k} eet bijna niets.",
    "{k} heeft veel ruzie in de klas en loopt weg als het misgaat.",
    "{k} zit veel te gamen en komt 's ochtends zijn bed niet uit.",
    "{k} heeft buikpijn op de wisseldagen tussen de twee huizen.",
    "{k} loopt achter met lezen; ouders willen thuis helpen maar weten niet hoe.",
    "Moeder is ziek en {k} zorgt veel voor de kleintjes.",
    "{k} is erg angstig en wil niet meer alleen slapen.",
    "Het gezin moet verhuizen en {k} is onrustig en boos.",
    "{k} heeft weinig vriendjes en speelt in de pauze alleen.",
    "Ouders hebben vragen over grenzen stellen; thuis loopt het vast.",
    "{k} is vaak ziek gemeld; school wil weten wat er speelt.",
];

/// Questions that fit a family that came to the Netherlands recently.
pub const QUESTIONS_NEWCOMER: [&str; 4] = [
    "{k} spreekt nog weinig Nederlands en durft in de klas niets te zeggen.",
    "{k} schrikt van harde geluiden en slaapt slecht sinds de vlucht.",
    "Ouders begrijpen de brieven van school niet en missen afspraken.",
    "{k} mist een ouder die nog in het land van herkomst is.",
];

pub const ACTIONS_ONDERWIJS: [&str; 16] = [
    "Handvatten voor de leerkracht bespreken",
    "Observatie in de klas",
    "Aanwezigheid per week bijhouden",
    "Gesprek met leerplichtambtenaar plannen",
    "Rustige werkplek in de klas inrichten",
    "Dagritme met picto's in de klas",
    "Extra leesbegeleiding twee keer per week",
    "Oudergesprek met de leerkracht plannen",
    "Beloningskaart in de klas afspreken",
    "Check-in met de leerkracht elke ochtend",
    "Overdracht naar de nieuwe groep voorbereiden",
    "Pleinwacht extra laten opletten",
    "Groepsgesprek over pesten in de klas",
    "Toestemming vragen voor de orthopedagoog",
    "Evaluatie met ouders en leerkracht",
    "Schoolontbijt regelen",
];

pub const ACTIONS_ZORG: [&str; 16] = [
    "Meegaan naar de kledingbank",
    "Aanmelden budgetcoach",
    "Slaapdagboek met ouders doornemen",
    "Huisbezoek plannen",
    "Helpen met formulieren toeslagen",
    "Aanmelden bij de POH-GGZ",
    "Afspraak jeugdverpleegkundige maken",
    "Ouders informeren over opvoedcursus",
    "Aanmelden rouwbegeleiding",
    "Samen naar de intake van de voedselbank",
    "Gesprek met beide ouders over de wisseldagen",
    "Aanvraag kindpakket gemeente",
    "Sport na school zoeken via het jongerenwerk",
    "Warme overdracht aan de jeugdhulpaanbieder",
    "Tips voor het avondritueel bespreken",
    "Terugbellen over het verloop",
];

pub const AGREEMENTS: [&str; 12] = [
    "Onderwijscoach neemt contact op met ouders.",
    "Gezinscoach gaat op huisbezoek.",
    "Over twee weken opnieuw bespreken.",
    "Leerkracht houdt bij hoe het in de klas gaat.",
    "Ouders geven toestemming voor overleg met de huisarts.",
    "Eerst afwachten wat de intake oplevert.",
    "Regie blijft bij de gezinscoach.",
    "Regie gaat naar de onderwijscoach.",
    "Jeugdverpleegkundige sluit aan bij het volgende gesprek.",
    "Afsluiten als het zo blijft gaan.",
    "Leerplicht preventief inschakelen.",
    "Verwijzing naar jeugdhulp bespreken met ouders.",
];

pub const ITEM_NOTES: [&str; 8] = [
    "Gaat beter sinds de laatste afspraak.",
    "Ouders zijn blij met de steun.",
    "Nog geen verandering in de klas.",
    "Moeder was niet bij het gesprek; opnieuw uitnodigen.",
    "Leerkracht ziet vooruitgang.",
    "Lastige week thuis; blijven volgen.",
    "",
    "",
];

pub const REFUSALS: [&str; 3] = [
    "Ouders willen dit eerst zelf proberen.",
    "Moeder wil niet dat de gemeente meekijkt.",
    "Vader geeft geen toestemming; later opnieuw vragen.",
];
