//! The families of the demo school, their cases and actions. Day numbers are days from today
//! (negative is the past); intake is days after the signal, support days after the intake.
//! People are referred to by their key in `school_data::KAART`.

use crate::domain::CaseStatus::{Aangemeld, Afgesloten, Intake, Lopend};
use crate::domain::ConsentStatus::{Gegeven, Geweigerd, NietGevraagd};
use crate::domain::Outcome::{KortdurendeInterventie, VerwezenJeugdhulp, ZelfstandigVerder};
use crate::domain::Side::{Onderwijs, Zorg};
use crate::domain::SignalSource::{Anders, Ouder, School};
use crate::domain::{CaseStatus, ConsentStatus, Outcome, Side, SignalSource};

pub struct Fam {
    pub name: &'static str,
    /// Name and relation to the children.
    pub carers: &'static [(&'static str, &'static str)],
    /// First name, last name, groep (1–8).
    pub kids: &'static [(&'static str, &'static str, u32)],
    /// Person, role for this family, involved from, until.
    pub network: &'static [(&'static str, &'static str, i64, Option<i64>)],
    pub cases: &'static [Casus],
}

pub struct Casus {
    pub key: &'static str,
    pub kid: usize,
    pub question: &'static str,
    pub signal: SignalSource,
    pub day: i64,
    pub intake: Option<i64>,
    pub support: Option<i64>,
    pub status: CaseStatus,
    pub lead: (Side, &'static str),
    /// Who led before the current lead took over, and on which day that happened.
    pub earlier_lead: Option<(Side, &'static str, i64)>,
    /// Person, status, note; given at the intake.
    pub consents: &'static [(&'static str, ConsentStatus, &'static str)],
    pub flagged: bool,
    /// Closed on, outcome, reopened on.
    pub closing: Option<(i64, Outcome, Option<i64>)>,
    pub notes: &'static str,
    pub actions: &'static [Act],
}

/// An action: text, owner, created, deadline, done, and the meeting (0 or 1) it was agreed in.
pub struct Act(
    pub &'static str,
    pub &'static str,
    pub i64,
    pub i64,
    pub Option<i64>,
    pub Option<usize>,
);

const G: &str = "";

#[rustfmt::skip]
pub const FAMILIES: [Fam; 16] = [
    Fam {
        name: "De Vries",
        carers: &[("Laura de Vries", "moeder"), ("Mark de Vries", "vader")],
        kids: &[("Daan", "de Vries", 4), ("Sophie", "de Vries", 1)],
        network: &[("gc", "gezinscoach", -40, None), ("jvk", "jeugdverpleegkundige", -35, None), ("lk34", "leerkracht van Daan", -40, None)],
        cases: &[Casus {
            key: "daan", kid: 0, signal: Ouder, day: -40, intake: Some(3), support: Some(4), status: Lopend,
            question: "Daan komt 's avonds moeilijk in slaap, ligt soms tot elf uur wakker en is overdag moe en prikkelbaar in de klas.",
            lead: (Zorg, "gc"), earlier_lead: None, flagged: false, closing: None,
            consents: &[("gc", Gegeven, G), ("jvk", Gegeven, G), ("lk34", Gegeven, G)],
            notes: "Moeder vraagt vooral om tips voor het avondritueel. Tablet na het eten is een punt.",
            actions: &[
                Act("Slaapdagboek met ouders doornemen", "gc", -33, -19, Some(-20), None),
                Act("Gesprek met jeugdverpleegkundige over slaapritme plannen", "jvk", -33, -26, Some(-27), None),
                Act("Handvatten voor de leerkracht: rustmoment na de pauze", "lk34", -12, -4, None, None),
                Act("Na drie weken evalueren met moeder: gaat inslapen beter?", "gc", -7, 6, None, Some(1)),
            ],
        }],
    },
    Fam {
        name: "Yılmaz",
        carers: &[("Elif Yılmaz", "moeder"), ("Murat Yılmaz", "vader")],
        kids: &[("Emir", "Yılmaz", 6), ("Zeynep", "Yılmaz", 3)],
        network: &[("smw", "schoolmaatschappelijk werker", -58, None), ("gc", "gezinscoach", -60, None), ("lk6", "leerkracht van Emir", -60, None), ("lk34", "leerkracht van Zeynep", -110, Some(-60))],
        cases: &[Casus {
            key: "emir", kid: 0, signal: Ouder, day: -60, intake: Some(2), support: Some(5), status: Lopend,
            question: "Ouders gaan uit elkaar. Emir is sinds de zomer stil, speelt in de pauze alleen en zegt dat het zijn schuld is.",
            lead: (Zorg, "smw"), earlier_lead: None, flagged: true, closing: None,
            consents: &[("smw", Gegeven, G), ("gc", Gegeven, G), ("lk6", Gegeven, G)],
            notes: "Vader en moeder komen apart naar gesprekken; afspraken over de wisseldagen zijn nog niet rond.",
            actions: &[
                Act("Emir aanmelden voor de groep voor kinderen van gescheiden ouders", "smw", -55, -40, Some(-42), None),
                Act("Ouders informeren over mediation en een ouderschapsplan", "gc", -55, -35, Some(-30), None),
                Act("Elke ochtend korte check-in met Emir", "lk6", -14, -7, Some(-7), Some(0)),
                Act("Apart gesprek met vader plannen", "gc", -7, 3, None, Some(1)),
            ],
        }, Casus {
            key: "zeynep", kid: 1, signal: School, day: -110, intake: Some(4), support: Some(2), status: Afgesloten,
            question: "Zeynep huilt elke ochtend bij het afscheid en wil niet de klas in.",
            lead: (Onderwijs, "ib"), earlier_lead: None, flagged: false, closing: Some((-62, ZelfstandigVerder, None)),
            consents: &[("lk34", Gegeven, G)],
            notes: "Met een vast afscheidsritueel ging het binnen drie weken goed.",
            actions: &[
                Act("Vast afscheidsritueel afspreken met juf en moeder", "lk34", -104, -95, Some(-96), None),
                Act("Na vier weken evalueren met ouders", "ib", -100, -70, Some(-64), None),
            ],
        }],
    },
    Fam {
        name: "El Amrani",
        carers: &[("Fatima El Amrani", "moeder")],
        kids: &[("Yassin", "El Amrani", 7), ("Amira", "El Amrani", 5), ("Noor", "El Amrani", 1)],
        network: &[("lpa", "leerplichtambtenaar", -12, None), ("gc", "gezinscoach", -45, None), ("lk78", "leerkracht van Yassin", -45, None), ("gbt", "sociaal werker gebiedsteam", -45, Some(-10))],
        cases: &[Casus {
            key: "yassin", kid: 0, signal: School, day: -45, intake: Some(6), support: Some(1), status: Lopend,
            question: "Yassin komt vaak te laat en mist de laatste weken bijna elke maandag. Hij zegt dat hij buikpijn heeft.",
            lead: (Onderwijs, "ib"), earlier_lead: None, flagged: true, closing: None,
            consents: &[("gc", Gegeven, G), ("lpa", Gegeven, G), ("lk78", Gegeven, G), ("jvk", NietGevraagd, G)],
            notes: "Moeder werkt vroege diensten; Yassin brengt zijn zusjes naar school. Inzet op aanwezigheid, niet op straffen.",
            actions: &[
                Act("Aanwezigheid per week bijhouden en met moeder bespreken", "ib", -38, -24, Some(-24), None),
                Act("Gesprek met leerplichtambtenaar plannen (preventief)", "ib", -14, -9, Some(-7), Some(0)),
                Act("Uitzoeken of de zusjes naar de voorschoolse opvang kunnen", "gc", -14, -3, None, Some(0)),
                Act("Buikpijn laten nakijken: afspraak bij de jeugdverpleegkundige", "gc", -7, 2, None, Some(1)),
                Act("Preventief gesprek met moeder en Yassin over schoolaanwezigheid", "lpa", -6, 9, None, None),
            ],
        }],
    },
    Fam {
        name: "Kowalski",
        carers: &[("Agnieszka Kowalska", "moeder"), ("Piotr Kowalski", "vader")],
        kids: &[("Jakub", "Kowalski", 8), ("Zofia", "Kowalska", 4)],
        network: &[("gc", "gezinscoach", -35, None), ("budget", "budgetcoach", -30, None), ("gbt", "sociaal werker gebiedsteam", -30, None), ("lk78", "leerkracht van Jakub", -35, None)],
        cases: &[Casus {
            key: "jakub", kid: 0, signal: Ouder, day: -35, intake: Some(1), support: Some(0), status: Lopend,
            question: "Vader is zijn werk kwijt. Er is geen geld voor het schoolkamp en Jakub loopt nog in een zomerjas; hij schaamt zich en wil niet mee.",
            lead: (Zorg, "gc"), earlier_lead: None, flagged: false, closing: None,
            consents: &[("gc", Gegeven, G), ("budget", Gegeven, G), ("gbt", Gegeven, G), ("lk78", Gegeven, G)],
            notes: "Ouders spreken Pools en wat Nederlands; gesprekken deels in het Engels.",
            actions: &[
                Act("Meegaan naar de kledingbank voor een winterjas", "gc", -34, -28, Some(-27), None),
                Act("Aanmelden budgetcoach", "gc", -34, -30, Some(-31), None),
                Act("Aanvraag kindpakket gemeente voor het schoolkamp", "gbt", -29, -15, Some(-16), None),
                Act("Betalingsregeling voor het kamp met de directeur regelen", "ib", -14, -5, Some(-6), Some(0)),
                Act("Ouders helpen met de formulieren voor de toeslagen", "budget", -13, 4, None, None),
                Act("Overzicht vaste lasten maken", "budget", -6, 20, None, None),
            ],
        }],
    },
    Fam {
        name: "Ramsaran / Visser",
        carers: &[("Shanti Ramsaran", "moeder"), ("Jeroen Visser", "stiefvader"), ("Ravi Ramsaran", "vader")],
        kids: &[("Kiran", "Ramsaran", 6)],
        network: &[("ab", "ambulant begeleider", -20, None), ("gc", "gezinscoach", -90, None), ("lk6", "leerkracht", -90, None), ("poh", "POH-GGZ (moeder)", -80, Some(-50))],
        cases: &[Casus {
            key: "kiran", kid: 0, signal: Ouder, day: -92, intake: Some(2), support: Some(3), status: Lopend,
            question: "Kiran krijgt thuis woedebuien, vooral na het weekend bij zijn vader. Hij gooit met spullen en moeder weet niet meer hoe ze hem kan kalmeren.",
            lead: (Zorg, "gc"), earlier_lead: None, flagged: false, closing: None,
            consents: &[("gc", Gegeven, G), ("ab", Gegeven, G), ("lk6", Gegeven, G), ("poh", Gegeven, G)],
            notes: "Vader woont in een andere stad en wil wel meedenken.",
            actions: &[
                Act("Time-outplek in de klas afspreken", "lk6", -85, -75, Some(-76), None),
                Act("Thuisobservatie door ambulant begeleider", "ab", -20, -12, Some(-14), None),
                Act("Beloningskaart met picto's van school ook thuis gebruiken", "ab", -14, -2, None, Some(0)),
                Act("Met vader afspraken maken die in beide huizen gelden", "gc", -6, 12, None, None),
            ],
        }],
    },
    Fam {
        name: "Trần",
        carers: &[("Nguyễn Thị Lan", "moeder"), ("Trần Văn Minh", "vader")],
        kids: &[("Linh", "Trần", 2), ("Bảo", "Trần", 5)],
        network: &[("vve", "zorgcoördinator voorschool (overdracht)", -200, Some(-150)), ("lk12", "leerkracht van Linh", -150, None)],
        cases: &[Casus {
            key: "linh", kid: 0, signal: School, day: -5, intake: None, support: None, status: Aangemeld,
            question: "Linh zegt in de klas bijna niets, ook niet tegen de juf. Thuis praat ze wel, in het Vietnamees. Is het de taal of is er meer?",
            lead: (Onderwijs, "ib"), earlier_lead: None, flagged: true, closing: None,
            consents: &[], notes: "",
            actions: &[Act("Intakegesprek met ouders plannen, met tolk", "ib", -4, 2, None, None)],
        }],
    },
    Fam {
        name: "Tesfay",
        carers: &[("Selam Tesfay", "moeder")],
        kids: &[("Yonas", "Tesfay", 5), ("Luwam", "Tesfay", 3)],
        network: &[("gc", "gezinscoach", -25, None), ("gbt", "sociaal werker gebiedsteam", -20, None), ("lk5", "leerkracht van Yonas", -26, None)],
        cases: &[Casus {
            key: "yonas", kid: 0, signal: School, day: -26, intake: Some(5), support: Some(1), status: Lopend,
            question: "Yonas heeft vaak geen brood bij zich en komt in te dunne kleren naar school. Moeder durft zelf geen hulp te vragen.",
            lead: (Zorg, "gc"), earlier_lead: None, flagged: false, closing: None,
            consents: &[("gc", Gegeven, G), ("gbt", Geweigerd, "Moeder wil niet dat de gemeente meekijkt; eerst vertrouwen opbouwen."), ("lk5", Gegeven, G)],
            notes: "Moeder spreekt Tigrinya en wat Nederlands; een buurvrouw tolkt.",
            actions: &[
                Act("Samen met moeder naar de intake van de voedselbank", "gc", -20, -14, Some(-14), None),
                Act("Meegaan naar de kledingbank", "gc", -14, -8, Some(-8), Some(0)),
                Act("Schoolontbijt voor Yonas regelen", "ib", -13, -10, Some(-10), None),
                Act("Opnieuw met moeder praten over hulp van het gebiedsteam", "gc", -6, 8, None, None),
            ],
        }],
    },
    Fam {
        name: "Jansen",
        carers: &[("Kim Jansen", "moeder"), ("Rick Jansen", "vader")],
        kids: &[("Noah", "Jansen", 5)],
        network: &[("rouw", "rouwtherapeut", -96, Some(-32)), ("lk5", "leerkracht", -105, None), ("gc", "gezinscoach", -102, Some(-30))],
        cases: &[Casus {
            key: "noah", kid: 0, signal: Ouder, day: -105, intake: Some(3), support: Some(4), status: Afgesloten,
            question: "Sinds opa in de zomer is overleden is Noah somber, huilt hij om kleine dingen en wil hij niet meer naar voetbal.",
            lead: (Zorg, "gc"), earlier_lead: None, flagged: false, closing: Some((-30, KortdurendeInterventie, None)),
            consents: &[("rouw", Gegeven, G), ("lk5", Gegeven, G), ("gc", Gegeven, G)],
            notes: "Vijf gesprekken bij de rouwtherapeut. Noah voetbalt weer.",
            actions: &[
                Act("Aanmelden bij de rouwtherapeut", "gc", -101, -95, Some(-96), None),
                Act("Herinneringsdoos maken in de klas", "lk5", -90, -75, Some(-80), None),
                Act("Afsluitend gesprek met ouders", "gc", -40, -30, Some(-31), None),
            ],
        }],
    },
    Fam {
        name: "Van Dijk / Bouzid",
        carers: &[("Marieke van Dijk", "pleegmoeder"), ("Gert van Dijk", "pleegvader")],
        kids: &[("Rayan", "Bouzid", 7), ("Tess", "van Dijk", 3)],
        network: &[("smw", "schoolmaatschappelijk werker", -28, None), ("lk78", "leerkracht van Rayan", -30, None), ("jw", "jongerenwerker", -10, None)],
        cases: &[Casus {
            key: "rayan", kid: 0, signal: Ouder, day: -30, intake: Some(2), support: Some(2), status: Lopend,
            question: "Rayan wordt op het plein uitgescholden en geduwd en wil niet meer buitenspelen. Pleegmoeder vraagt of school dit ziet.",
            lead: (Onderwijs, "ib"), earlier_lead: None, flagged: true, closing: None,
            consents: &[("smw", Gegeven, G), ("lk78", Gegeven, G), ("jw", NietGevraagd, G)],
            notes: "Rayan woont twee jaar bij dit pleeggezin; contact met de pleegzorgwerker loopt via de pleegouders.",
            actions: &[
                Act("Gesprek met Rayan en de leerkracht over wat er op het plein gebeurt", "lk78", -26, -20, Some(-21), None),
                Act("Extra pleinwacht in de grote pauze", "ib", -14, -7, Some(-6), Some(0)),
                Act("Groepsgesprek over pesten in groep 7/8", "smw", -14, -1, None, Some(0)),
                Act("Met pleegouders bespreken: voetbalclub in de wijk", "gc", -6, 5, None, None),
            ],
        }],
    },
    Fam {
        name: "Demir",
        carers: &[("Ayşe Demir", "moeder"), ("Hakan Demir", "vader")],
        kids: &[("Defne", "Demir", 4)],
        network: &[("lk34", "leerkracht", -9, None)],
        cases: &[Casus {
            key: "defne", kid: 0, signal: School, day: -9, intake: Some(4), support: None, status: Intake,
            question: "Defne kan zich slecht concentreren, haar werk komt niet af en ze zit veel te dromen. De juf vraagt zich af of er thuis iets speelt.",
            lead: (Onderwijs, "ib"), earlier_lead: None, flagged: false, closing: None,
            consents: &[("lk34", Gegeven, G), ("ortho", NietGevraagd, G)],
            notes: "Ouders zien thuis hetzelfde; oma is kort geleden bij hen ingetrokken.",
            actions: &[
                Act("Observatie in de klas door de onderwijscoach", "ib", -5, 1, None, None),
                Act("Ouders om toestemming vragen voor de orthopedagoog", "ib", -5, 6, None, None),
            ],
        }],
    },
    Fam {
        name: "Chen",
        carers: &[("Fang Wang", "moeder"), ("Wei Chen", "vader")],
        kids: &[("Lucas", "Chen", 6), ("Mei", "Chen", 2)],
        network: &[("jvk", "jeugdverpleegkundige", -85, Some(-40)), ("kov", "pedagogisch medewerker BSO", -85, None)],
        cases: &[Casus {
            key: "lucas", kid: 0, signal: School, day: -90, intake: Some(5), support: Some(2), status: Afgesloten,
            question: "Lucas slaapt slecht sinds de verhuizing en valt 's middags in slaap in de klas. Ouders werken tot laat in hun restaurant.",
            lead: (Zorg, "jvk"), earlier_lead: None, flagged: false, closing: Some((-40, ZelfstandigVerder, None)),
            consents: &[("jvk", Gegeven, G), ("kov", Gegeven, G)],
            notes: "",
            actions: &[
                Act("Afspraken over bedtijd met ouders en de BSO", "jvk", -82, -70, Some(-71), None),
                Act("Rustig plekje op de BSO voor na school", "kov", -82, -75, Some(-74), None),
                Act("Evaluatie met ouders", "gc", -50, -42, Some(-41), None),
            ],
        }],
    },
    Fam {
        name: "Martina",
        carers: &[("Gisela Martina", "moeder"), ("Ruben Martina", "oom")],
        kids: &[("Jaïro", "Martina", 8)],
        network: &[("ortho", "orthopedagoog", -118, Some(-95)), ("ab", "ambulant begeleider", -115, Some(-60)), ("jc", "jeugdconsulent", -65, Some(-55)), ("jh", "jeugdhulpaanbieder", -58, None), ("lk78", "leerkracht", -125, None)],
        cases: &[Casus {
            key: "jairo", kid: 0, signal: School, day: -125, intake: Some(3), support: Some(2), status: Afgesloten,
            question: "Jaïro heeft steeds vaker ruzie met de meester, loopt weg uit de klas en is thuis ook niet meer te sturen.",
            lead: (Zorg, "gc"), earlier_lead: Some((Onderwijs, "ib", -72)), flagged: false, closing: Some((-55, VerwezenJeugdhulp, None)),
            consents: &[("ortho", Gegeven, G), ("ab", Gegeven, G), ("jc", Gegeven, G), ("jh", Gegeven, G), ("lk78", Gegeven, G)],
            notes: "Kortdurende begeleiding was niet genoeg; met moeder besloten tot gezinsbehandeling bij Horizon.",
            actions: &[
                Act("Observatie en handelingsadvies door de orthopedagoog", "ortho", -118, -100, Some(-102), None),
                Act("Ambulante begeleiding in de klas, zes weken", "ab", -115, -75, Some(-70), None),
                Act("Aanmelding specialistische jeugdhulp via het jeugdloket", "gc", -70, -60, Some(-58), None),
                Act("Warme overdracht aan de jeugdhulpaanbieder", "gc", -60, -55, Some(-55), None),
            ],
        }],
    },
    Fam {
        name: "Kovalenko",
        carers: &[("Olena Kovalenko", "moeder"), ("Halyna Kovalenko", "oma")],
        kids: &[("Sofiia", "Kovalenko", 5), ("Maksym", "Kovalenko", 3)],
        network: &[("poh", "POH-GGZ", -20, None), ("gc", "gezinscoach", -22, None), ("lk34", "leerkracht van Maksym", -22, None)],
        cases: &[Casus {
            key: "maksym", kid: 1, signal: Ouder, day: -22, intake: Some(1), support: Some(6), status: Lopend,
            question: "Maksym schrikt erg van harde geluiden, plast weer in bed en slaapt slecht. Vader is nog in Oekraïne.",
            lead: (Zorg, "gc"), earlier_lead: None, flagged: false, closing: None,
            consents: &[("poh", Gegeven, G), ("lk34", Gegeven, G), ("gc", Gegeven, G)],
            notes: "Oma is er overdag; moeder werkt in de kas.",
            actions: &[
                Act("Aanmelden bij de POH-GGZ van de huisarts", "gc", -21, -14, Some(-15), None),
                Act("Koptelefoon en rustig hoekje in de klas", "lk34", -13, -10, Some(-11), None),
                Act("Uitleg over stress en slapen voor moeder en oma", "poh", -7, 1, None, Some(1)),
                Act("Jeugdverpleegkundige vragen over het bedplassen", "gc", -6, -2, None, None),
            ],
        }],
    },
    Fam {
        name: "Al-Hassan",
        carers: &[("Rania Al-Hassan", "moeder"), ("Omar Al-Hassan", "vader")],
        kids: &[("Karam", "Al-Hassan", 6), ("Lina", "Al-Hassan", 2)],
        network: &[("jvk", "jeugdverpleegkundige", -15, None), ("lk12", "leerkracht van Lina", -18, None), ("logo", "logopedist (eerder)", -400, Some(-250))],
        cases: &[Casus {
            key: "karam", kid: 0, signal: Ouder, day: -3, intake: None, support: None, status: Aangemeld,
            question: "Karam loopt achter met begrijpend lezen en durft in de klas niets te vragen. Ouders willen hem thuis helpen maar weten niet hoe.",
            lead: (Onderwijs, "ib"), earlier_lead: None, flagged: false, closing: None,
            consents: &[], notes: "", actions: &[],
        }, Casus {
            key: "lina", kid: 1, signal: School, day: -18, intake: Some(3), support: Some(1), status: Lopend,
            question: "Lina eet weinig, is vaak moe en lijkt af te vallen. De juf ziet dat ze haar lunch niet opeet.",
            lead: (Zorg, "jvk"), earlier_lead: None, flagged: false, closing: None,
            consents: &[("jvk", Gegeven, G), ("lk12", Gegeven, G)],
            notes: "",
            actions: &[
                Act("Lina wegen en meten op het spreekuur", "jvk", -14, -10, Some(-10), None),
                Act("Juf let op lunch en drinken en meldt bijzonderheden", "lk12", -13, -4, None, None),
                Act("Eetdagboek met ouders bijhouden", "jvk", -7, 7, None, Some(1)),
            ],
        }],
    },
    Fam {
        name: "Bakker",
        carers: &[("Sandra Bakker", "moeder"), ("Dirk Bakker", "vader")],
        kids: &[("Julia", "Bakker", 7), ("Sem", "Bakker", 4)],
        network: &[("smw", "schoolmaatschappelijk werker", -148, Some(-70)), ("gc", "gezinscoach", -12, None), ("lk78", "leerkracht van Julia", -150, None)],
        cases: &[Casus {
            key: "julia", kid: 0, signal: Ouder, day: -150, intake: Some(2), support: Some(3), status: Lopend,
            question: "Julia heeft buikpijn op de wisseldagen tussen mama en papa en blijft dan soms thuis. Na de scheiding ging het een tijd goed, nu weer niet.",
            lead: (Zorg, "gc"), earlier_lead: Some((Zorg, "smw", -12)), flagged: true, closing: Some((-70, KortdurendeInterventie, Some(-12))),
            consents: &[("smw", Gegeven, G), ("gc", Gegeven, G), ("lk78", Gegeven, G), ("poh", NietGevraagd, G)],
            notes: "Heropend op vraag van moeder. Vader wil meedoen maar niet samen met moeder aan tafel.",
            actions: &[
                Act("Vijf gesprekken bij het schoolmaatschappelijk werk", "smw", -145, -90, Some(-85), None),
                Act("Ouders samen informeren over de overdracht op wisseldagen", "smw", -140, -100, Some(-100), None),
                Act("Aanwezigheid op wisseldagen bijhouden", "ib", -11, 12, None, None),
                Act("Gesprek met beide ouders samen plannen", "gc", -7, 3, None, Some(1)),
            ],
        }],
    },
    Fam {
        name: "Kaya",
        carers: &[("Merve Kaya", "moeder"), ("Serkan Kaya", "vader")],
        kids: &[("Ela", "Kaya", 3)],
        network: &[("jvk", "jeugdverpleegkundige", -76, Some(-38)), ("lk34", "leerkracht", -80, None), ("kov", "pedagogisch medewerker BSO", -80, None)],
        cases: &[Casus {
            key: "ela", kid: 0, signal: Anders, day: -80, intake: Some(2), support: Some(5), status: Afgesloten,
            question: "Ela plast sinds de geboorte van haar broertje overdag weer in haar broek en schaamt zich daar erg voor. De BSO vroeg of de tandem kan helpen.",
            lead: (Zorg, "jvk"), earlier_lead: None, flagged: false, closing: Some((-38, KortdurendeInterventie, None)),
            consents: &[("jvk", Gegeven, G), ("lk34", Gegeven, G), ("kov", Gegeven, G)],
            notes: "",
            actions: &[
                Act("Plasschema en beloningskaart met moeder afspreken", "jvk", -72, -60, Some(-61), None),
                Act("Reservekleding in de klas en een vaste plasronde", "lk34", -72, -65, Some(-68), None),
            ],
        }],
    },
];
