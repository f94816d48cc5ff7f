use super::*;

fn tree() -> (tempfile::TempDir, sled::Tree) {
    let dir = tempfile::tempdir().unwrap();
    let db = sled::Config::new().path(dir.path()).open().unwrap();
    let t = db.open_tree("t").unwrap();
    (dir, t)
}

fn due(done: u8, day: u32, id: u64) -> Vec<u8> {
    crate::store::keys::action_due(done == 1, None, id)
        .iter()
        .take(1)
        .copied()
        .chain(day.to_be_bytes())
        .chain(id.to_be_bytes())
        .collect()
}

fn put(tree: &sled::Tree, t: T, key: &[u8], value: Option<&[u8]>) {
    tree.transaction(|tx| write(tx, t, key, value)).unwrap();
}

fn keys_of(tree: &sled::Tree, t: T, start: &[u8], end: Option<&[u8]>) -> Vec<Vec<u8>> {
    range(tree, t, start, end)
        .map(|kv| kv.unwrap().0.to_vec())
        .collect()
}

#[test]
fn an_id_pack_gives_back_each_value_and_drops_when_empty() {
    let (_d, tree) = tree();
    for id in [1u64, 2, 31, 32, 33, 1000] {
        put(
            &tree,
            T::Actions,
            &id.to_be_bytes(),
            Some(&id.to_le_bytes()),
        );
    }
    assert_eq!(
        tree.len(),
        3,
        "ids 1, 2, 31 share a pack; 32, 33 another; 1000 its own"
    );
    let got = get(&tree, T::Actions, &33u64.to_be_bytes()).unwrap();
    assert_eq!(got.as_deref(), Some(&33u64.to_le_bytes()[..]));
    assert!(get(&tree, T::Actions, &34u64.to_be_bytes())
        .unwrap()
        .is_none());
    put(&tree, T::Actions, &1000u64.to_be_bytes(), None);
    assert_eq!(tree.len(), 2);
    let from = 2u64.to_be_bytes();
    let until = 33u64.to_be_bytes();
    let ids: Vec<u64> = keys_of(&tree, T::Actions, &from, Some(&until))
        .iter()
        .map(|k| u64::from_be_bytes(k[..8].try_into().unwrap()))
        .collect();
    assert_eq!(ids, vec![2, 31, 32]);
}

#[test]
fn spread_packs_of_a_day_read_back_in_key_order_within_the_range() {
    let (_d, tree) = tree();
    let mut all = Vec::new();
    for day in [10u32, 11, 12] {
        for id in (0..100u64).rev() {
            let k = due(0, day, id * 7 + u64::from(day));
            put(&tree, T::ActionDue, &k, Some(b"row"));
            all.push(k);
        }
    }
    put(&tree, T::ActionDue, &due(1, 5, 3), Some(b"done"));
    all.sort();
    assert!(tree.len() <= 3 * usize::from(SPREAD) + 1);
    let mut end = vec![0u8];
    end.extend(12u32.to_be_bytes());
    let want: Vec<Vec<u8>> = all.iter().filter(|k| k[..] < end[..]).cloned().collect();
    let mut start = vec![0u8];
    start.extend(10u32.to_be_bytes());
    assert_eq!(keys_of(&tree, T::ActionDue, &start, Some(&end)), want);
    assert_eq!(keys_of(&tree, T::ActionDue, &[0], Some(&[1])).len(), 300);
    assert_eq!(keys_of(&tree, T::ActionDue, &[1], None), vec![due(1, 5, 3)]);
}

#[test]
fn a_pack_cut_short_is_reported_not_read_as_fewer_values() {
    let (_d, tree) = tree();
    put(&tree, T::Actions, &5u64.to_be_bytes(), Some(b"hello"));
    let (k, v) = tree.iter().next().unwrap().unwrap();
    tree.insert(k, &v[..v.len() - 2]).unwrap();
    let e = get(&tree, T::Actions, &5u64.to_be_bytes()).unwrap_err();
    assert!(e.to_string().contains("pack in actions"), "{e}");
    assert!(range(&tree, T::Actions, &[], None).any(|kv| kv.is_err()));
}

#[test]
fn map_values_rewrites_every_value_and_keeps_the_keys() {
    let (_d, tree) = tree();
    for id in [3u64, 4] {
        put(&tree, T::Actions, &id.to_be_bytes(), Some(b"ab"));
    }
    let (_, pack) = tree.iter().next().unwrap().unwrap();
    let new = map_values(T::Actions, &pack, |v| Ok(Some([v, b"!"].concat()))).unwrap();
    let list = entries(T::Actions, &new).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|(_, v)| *v == b"ab!"));
}
