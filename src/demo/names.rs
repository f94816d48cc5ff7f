//! Name tables for the synthetic data: as varied as the children in a Dutch school today, with
//! their own diacritics, and now and then a name in another script. All combinations are made up;
//! none of these names may come from the source articles.

/// Names that go together; a family mostly draws from one origin. Children's first names are
/// not split by gender: the data never needs it. Grown-ups' are, so a "moeder" has a woman's name.
pub struct Origin {
    pub first: &'static [&'static str],
    pub last: &'static [&'static str],
    pub women: &'static [&'static str],
    pub men: &'static [&'static str],
    /// Families who may have come to the Netherlands recently (questions about language, flight).
    pub newcomer: bool,
    /// Relative share of families.
    pub weight: u64,
}

#[rustfmt::skip]
pub const ORIGINS: [Origin; 14] = [
    Origin {
        first: &["Daan", "Sem", "Lucas", "Finn", "Levi", "Milan", "Bram", "Jesse", "Thijs", "Luuk",
            "Julia", "Emma", "Tess", "Sophie", "Zoë", "Fleur", "Sara", "Liv", "Noor", "Lotte",
            "Saar", "Femke", "Mees", "Jip", "Roos", "Ties", "Guus", "Isa", "Lieke", "Joep"],
        last: &["de Vries", "Jansen", "Bakker", "Visser", "van Dijk", "Smit", "de Jong",
            "van den Berg", "Meijer", "Mulder", "de Boer", "Vos", "Dekker", "van Leeuwen", "Bos",
            "Kramer", "Postma", "Verbeek", "Schouten", "Kuiper", "van der Meer", "Willems", "Groen",
            "Prins", "Veenstra", "Dijkstra", "Scholten", "Timmer", "de Graaf", "Koning"],
        women: &["Laura", "Sandra", "Kim", "Marieke", "Ingrid", "Nathalie", "Ilse", "Tamara",
            "Esther", "Linda", "Mirjam", "Sanne", "Judith", "Wendy"],
        men: &["Mark", "Dirk", "Rick", "Jeroen", "Bas", "Wouter", "Koen", "Erik", "Martijn",
            "Sander", "Niels", "Gert", "Roel", "Jasper"],
        newcomer: false,
        weight: 40,
    },
    Origin {
        first: &["Emir", "Yusuf", "Mert", "Kerem", "Ömer", "Eren", "Zeynep", "Elif", "Defne",
            "Ecrin", "Ayşe", "Nehir", "Çağla", "Gül", "Burak", "İlayda"],
        last: &["Yılmaz", "Demir", "Çelik", "Kaya", "Şahin", "Yıldız", "Öztürk", "Aydın", "Doğan",
            "Arslan", "Koç", "Güneş"],
        women: &["Elif", "Ayşe", "Merve", "Fatma", "Emine", "Büşra", "Özlem", "Hatice"],
        men: &["Murat", "Hakan", "Serkan", "Mehmet", "Mustafa", "Emre", "Hüseyin", "Cengiz"],
        newcomer: false,
        weight: 9,
    },
    Origin {
        first: &["Yassin", "Adam", "Ayoub", "Bilal", "Ilias", "Amira", "Noor", "Salma", "Imane",
            "Hiba", "Aya", "Rayan", "Anas", "Malak", "Soufiane", "Lina"],
        last: &["El Amrani", "Bouzid", "Amrani", "El Idrissi", "Benali", "Azzouzi", "Chaouch",
            "El Khatib", "Boukhari", "Ouazzani", "Haddouchi", "Tahiri"],
        women: &["Fatima", "Khadija", "Naima", "Samira", "Hanane", "Loubna", "Nadia", "Souad"],
        men: &["Mohammed", "Said", "Rachid", "Mustapha", "Abdel", "Hamid", "Karim", "Driss"],
        newcomer: false,
        weight: 9,
    },
    Origin {
        first: &["Jaïro", "Shanaya", "Kiran", "Priya", "Dewi", "Jayden", "Naomi", "Quincy",
            "Shirley", "Rishi", "Anjali", "Jurmaine"],
        last: &["Ramsaran", "Martina", "Sewdien", "Kromodikoro", "Doelwijt", "Pinas", "Jagesar",
            "Rosaria", "Wijngaarde", "Lachmon", "Balentien", "Sitaldin"],
        women: &["Shanti", "Gisela", "Sharmila", "Rosalind", "Chantal", "Reshma", "Sirena"],
        men: &["Ravi", "Ruben", "Rudi", "Glenn", "Anand", "Humphrey", "Errol"],
        newcomer: false,
        weight: 6,
    },
    Origin {
        first: &["Jakub", "Zofia", "Szymon", "Zuzanna", "Kacper", "Łucja", "Wojciech",
            "Małgorzata", "Maja", "Antoni", "Oliwia", "Paweł"],
        last: &["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski",
            "Zieliński", "Dąbrowski", "Szymański", "Woźniak"],
        women: &["Agnieszka", "Katarzyna", "Joanna", "Magdalena", "Ewa", "Dorota"],
        men: &["Piotr", "Tomasz", "Krzysztof", "Marcin", "Łukasz", "Grzegorz"],
        newcomer: false,
        weight: 5,
    },
    Origin {
        first: &["Karam", "Lina", "Omar", "Rania", "Hamza", "Nour", "Tarek", "Jana", "Yamen",
            "Sidra", "Majd", "Leen"],
        last: &["Al-Hassan", "Haddad", "Al-Khatib", "Darwish", "Al-Masri", "Khalil", "Saleh",
            "Hamdan", "Al-Ahmad", "Sabbagh"],
        women: &["Rania", "Hala", "Reem", "Lama", "Dima", "Ghada"],
        men: &["Omar", "Ahmad", "Bassel", "Fadi", "Samer", "Wael"],
        newcomer: true,
        weight: 5,
    },
    Origin {
        first: &["Yonas", "Luwam", "Semhar", "Filmon", "Helen", "Robel", "Selam", "Dawit",
            "Saron", "Eden"],
        last: &["Tesfay", "Gebremedhin", "Haile", "Tekle", "Berhane", "Kidane", "Ghebreyesus",
            "Weldemariam", "Asmerom", "Mebrahtu"],
        women: &["Selam", "Senait", "Tsega", "Azieb", "Mehret", "Rahel"],
        men: &["Tesfalem", "Yohannes", "Mulugeta", "Biniam", "Ermias", "Teklay"],
        newcomer: true,
        weight: 3,
    },
    Origin {
        first: &["Sofiia", "Maksym", "Oleksandr", "Anastasiia", "Dmytro", "Yeva", "Bohdan",
            "Zlata", "Artem", "Viktoriia"],
        last: &["Kovalenko", "Shevchenko", "Bondarenko", "Melnyk", "Tkachenko", "Kravchenko",
            "Oliinyk", "Moroz", "Lysenko", "Savchenko"],
        women: &["Olena", "Halyna", "Iryna", "Tetiana", "Nataliia", "Oksana"],
        men: &["Serhiy", "Andriy", "Volodymyr", "Yurii", "Mykola", "Taras"],
        newcomer: true,
        weight: 4,
    },
    Origin {
        first: &["Linh", "Bảo", "Minh Anh", "Khánh", "Thảo", "Quân", "Ngọc", "Huy", "Trâm", "Đức"],
        last: &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Huỳnh", "Đỗ"],
        women: &["Thị Lan", "Thị Hoa", "Thu Hà", "Ngọc Anh", "Thị Mai"],
        men: &["Văn Minh", "Văn Hùng", "Quốc Bảo", "Đức Anh", "Văn Nam"],
        newcomer: false,
        weight: 3,
    },
    Origin {
        first: &["Lucas", "Mei", "Yichen", "Xinyi", "Hao", "Yuna", "Jiayi", "Ruben", "Zhiwei",
            "Lily"],
        last: &["Chen", "Wang", "Li", "Zhang", "Liu", "Lin", "Huang", "Zhou", "Wu", "Xu"],
        women: &["Fang", "Xiaoli", "Jing", "Yan", "Hui"],
        men: &["Wei", "Jun", "Lei", "Qiang", "Ming"],
        newcomer: false,
        weight: 3,
    },
    Origin {
        first: &["Lars", "Ivo", "Mateo", "Valentina", "Hugo", "Inés", "Luca", "Chiara", "João",
            "Mariana"],
        last: &["García", "Rossi", "Fernández", "Silva", "Costa", "Ferreira", "Müller",
            "Papadopoulos", "Lindqvist", "O'Brien"],
        women: &["Lucía", "Giulia", "Ana", "Sofía", "Ingrid", "Eleni"],
        men: &["Javier", "Marco", "Paulo", "Jonas", "Nikos", "Seán"],
        newcomer: false,
        weight: 4,
    },
    // Now and then a name as the family writes it, so every screen meets another script.
    Origin {
        first: &["小明", "雨桐", "子涵", "浩然", "欣怡", "梓萱"],
        last: &["王", "李", "张", "陈", "刘", "林"],
        women: &["秀英", "丽娜", "晓燕"],
        men: &["伟", "建国", "志强"],
        newcomer: false,
        weight: 1,
    },
    Origin {
        first: &["Дарина", "Артем", "Софія", "Максим", "Злата", "Богдан"],
        last: &["Шевченко", "Бондаренко", "Мельник", "Коваль", "Ткаченко", "Лисенко"],
        women: &["Олена", "Ірина", "Оксана"],
        men: &["Сергій", "Андрій", "Тарас"],
        newcomer: true,
        weight: 1,
    },
    Origin {
        first: &["ليلى", "عمر", "نور", "يوسف", "سارة", "آدم"],
        last: &["حداد", "الخطيب", "درويش", "خليل", "صالح", "حمدان"],
        women: &["رنا", "هالة", "ريم"],
        men: &["أحمد", "سامر", "فادي"],
        newcomer: true,
        weight: 1,
    },
];

/// Letters folded to ASCII for e-mail addresses; other non-ASCII letters are dropped.
const FOLDS: [(&str, char); 15] = [
    ("àáâãäåāăąạảấầẩẫậắằẳẵặ", 'a'),
    ("çćč", 'c'),
    ("đď", 'd'),
    ("èéêëēėęěẹẻẽếềểễệ", 'e'),
    ("ğ", 'g'),
    ("ìíîïīįıịỉĩ", 'i'),
    ("łľ", 'l'),
    ("ñńň", 'n'),
    ("òóôõöøōọỏốồổỗộơớờởỡợ", 'o'),
    ("ŕř", 'r'),
    ("śşšș", 's'),
    ("ţťț", 't'),
    ("ùúûüūůųụủũưứừửữự", 'u'),
    ("ýÿỳỵỷỹ", 'y'),
    ("źżž", 'z'),
];

/// Lower-case ASCII letters of a word, for the local part of an e-mail address.
pub fn ascii_fold(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some((_, to)) = FOLDS.iter().find(|(from, _)| from.contains(c)) {
            out.push(*to);
        }
    }
    out
}

/// A household name as the school writes it on its own: "de Vries" becomes "De Vries".
pub fn household(last: &str) -> String {
    let mut chars = last.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => last.to_string(),
    }
}

/// One origin, drawn by weight.
pub fn pick_origin(rng: &mut super::rng::Rng) -> &'static Origin {
    let total: u64 = ORIGINS.iter().map(|o| o.weight).sum();
    let mut ticket = rng.below(total);
    for origin in &ORIGINS {
        if ticket < origin.weight {
            return origin;
        }
        ticket -= origin.weight;
    }
    &ORIGINS[0]
}

/// A grown-up's full name from one origin.
pub fn adult_name(rng: &mut super::rng::Rng, origin: &Origin, woman: bool) -> String {
    let first = rng.pick(if woman { origin.women } else { origin.men });
    format!("{first} {}", rng.pick(origin.last))
}

/// Whether a carer's relation to the children names a woman.
pub fn is_woman(relation: &str) -> bool {
    matches!(
        relation,
        "moeder" | "pleegmoeder" | "stiefmoeder" | "oma" | "tante"
    )
}
