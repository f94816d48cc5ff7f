use super::*;

fn minutes(agreement: &str, recipient: Option<Recipient>) -> Minutes {
    Minutes {
        meeting: 1,
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
        recipient,
        family: None,
        attendees: vec!["Sanne <de> Vries".into()],
        started: None,
        ended: None,
        items: vec![MinuteItem {
            case: 12,
            child: "E.Ç.".into(),
            groep: "1/2".into(),
            question: "Slaapt slecht.".into(),
            discussed: true,
            minutes_spent: 5,
            agreements: vec![agreement.into()],
            new_actions: vec![],
            done_actions: vec![],
            closed: None,
        }],
        open_by_owner: BTreeMap::new(),
    }
}

#[test]
fn markdown_escapes_and_the_screen_shows_as_typed() {
    let m = minutes("*alleen* met moeder", None);
    let md = markdown(&m, Lang::Nl);
    assert!(md.contains("- Afspraak: \\*alleen\\* met moeder\n"), "{md}");
    assert!(md.contains("Aanwezig: Sanne \\<de\\> Vries"), "{md}");
    assert!(
        md.contains("## E.Ç. (groep 1/2) · casus 12 · 5 min"),
        "{md}"
    );
    let text = text(&m, Lang::Nl);
    assert!(text.contains("- Afspraak: *alleen* met moeder\n"), "{text}");
    assert!(text.contains("Aanwezig: Sanne <de> Vries"), "{text}");
}

#[test]
fn times_question_done_day_and_whose_open_action() {
    let at = |h, m| {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    };
    let mut m = minutes("x", None);
    m.started = Some(at(9, 0));
    let md = markdown(&m, Lang::Nl);
    assert!(md.contains("Begin 09:00 · het overleg loopt nog\n"), "{md}");
    m.ended = Some(at(9, 47));
    let action = MinuteAction {
        id: 5,
        text: "Apart gesprek met vader plannen".into(),
        side: "zorg",
        owner: Some("Yvonne Postma".into()),
        deadline: NaiveDate::from_ymd_opt(2026, 11, 27),
        done: None,
        cancelled: None,
        case: 12,
        child: "E.Ç.".into(),
    };
    m.open_by_owner
        .insert("Yvonne Postma".into(), vec![action.clone()]);
    m.items[0].done_actions = vec![
        MinuteAction {
            done: NaiveDate::from_ymd_opt(2026, 11, 20),
            ..action.clone()
        },
        MinuteAction {
            id: 6,
            text: "Rouwtherapeut bellen".into(),
            done: NaiveDate::from_ymd_opt(2026, 11, 23),
            cancelled: Some("niet meer nodig".into()),
            ..action.clone()
        },
    ];
    let md = markdown(&m, Lang::Nl);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[2], "Begin 09:00 · einde 09:47");
    assert!(lines.contains(&"- Hulpvraag: Slaapt slecht."), "{md}");
    assert!(
        lines.contains(
            &"- Afgerond: Z zorg · Yvonne Postma · 20-11-2026 · Apart gesprek met vader plannen"
        ),
        "{md}"
    );
    assert!(
        lines.contains(&"- [ ] Z zorg · Yvonne Postma · 27-11-2026 · Apart gesprek met vader plannen · casus 12 (E.Ç.)"),
        "{md}"
    );
    assert!(
        lines.contains(&"- Vervallen: Z zorg · Yvonne Postma · 23-11-2026 · Rouwtherapeut bellen · reden: niet meer nodig"),
        "a cancelled action is not done: {md}"
    );
    let en = markdown(&m, Lang::En);
    assert!(
        en.contains("- Cancelled: Z care · Yvonne Postma · 23-11-2026 · Rouwtherapeut bellen · reason: niet meer nodig\n"),
        "{en}"
    );
}

#[test]
fn minutes_for_one_person_say_so_at_the_top() {
    let r = |left_out| Recipient {
        id: 3,
        name: "Fatma Aydın".into(),
        left_out,
        total: 4,
    };
    let md = markdown(&minutes("x", Some(r(3))), Lang::Nl);
    let second = md.lines().nth(2).unwrap_or_default();
    assert_eq!(
        second,
        "Verslag voor Fatma Aydın. 3 van de 4 casussen zijn weggelaten: daarvoor is geen toestemming om met Fatma Aydın te delen."
    );
    let md = markdown(&minutes("x", Some(r(1))), Lang::En);
    assert!(md.contains("1 of the 4 cases was left out"), "{md}");
    let md = markdown(&minutes("x", Some(r(0))), Lang::Nl);
    assert!(md.contains("Alle 4 casussen van dit overleg mogen met Fatma Aydın gedeeld worden."));
}
