//! Per-thread memories of pure functions. An archive repeats its template headers, labels
//! and tables thousands of times; remembering a result by its input turns the repeats
//! into lookups. Results depend on the key alone, so forgetting (a full memory is
//! cleared) costs time, never correctness.

use rustc_hash::FxHashMap;
use std::borrow::Borrow;
use std::cell::RefCell;
use std::hash::Hash;
use std::thread::LocalKey;

/// A bounded map from inputs to results.
pub struct Memo<K, V> {
    map: FxHashMap<K, V>,
    cap: usize,
}

impl<K, V> Memo<K, V> {
    /// An empty memory holding at most `cap` results.
    pub fn new(cap: usize) -> Self {
        Memo {
            map: FxHashMap::default(),
            cap,
        }
    }

    /// The entry of `key` to keep a result in; a full memory is cleared first.
    fn room(&mut self, key: K) -> std::collections::hash_map::Entry<'_, K, V>
    where
        K: Hash + Eq,
    {
        if self.map.len() >= self.cap {
            self.map.clear();
        }
        self.map.entry(key)
    }
}

/// The result for `input` from the thread's `memo`, computed by `compute` (and kept under
/// `own(input)`) when it is not there.
pub fn remembered<K, Q, V>(
    memo: &'static LocalKey<RefCell<Memo<K, V>>>,
    input: &Q,
    own: impl FnOnce(&Q) -> K,
    compute: impl FnOnce(&Q) -> V,
) -> V
where
    K: Borrow<Q> + Hash + Eq,
    Q: Hash + Eq + ?Sized,
    V: Clone,
{
    if let Some(hit) = memo.with(|m| m.borrow().map.get(input).cloned()) {
        return hit;
    }
    let out = compute(input);
    memo.with(|m| {
        m.borrow_mut().room(own(input)).insert_entry(out.clone());
    });
    out
}

/// A memory of [`remembered_by_hash`]: the entries of each input hash.
pub type HashMemo<K, V> = Memo<u64, Vec<(K, V)>>;

/// Like [`remembered`], for inputs that are costly to own (a table's labels): looked up by
/// their `hash` and compared in place by `same`, so only a miss builds the owned key
/// (`own`). Equal hashes of different inputs are told apart by `same`.
pub fn remembered_by_hash<K, V: Clone>(
    memo: &'static LocalKey<RefCell<HashMemo<K, V>>>,
    hash: u64,
    same: impl Fn(&K) -> bool,
    own: impl FnOnce() -> K,
    compute: impl FnOnce() -> V,
) -> V {
    let hit = memo.with(|m| {
        let m = m.borrow();
        let bucket = m.map.get(&hash)?;
        bucket.iter().find(|(k, _)| same(k)).map(|(_, v)| v.clone())
    });
    if let Some(hit) = hit {
        return hit;
    }
    let out = compute();
    memo.with(|m| {
        m.borrow_mut()
            .room(hash)
            .or_default()
            .push((own(), out.clone()));
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static M: RefCell<Memo<String, usize>> = RefCell::new(Memo::new(2));
    }

    #[test]
    fn computes_once_per_input_and_forgets_when_full() {
        let calls = Cell::new(0);
        let len = |s: &str| {
            calls.set(calls.get() + 1);
            s.len()
        };
        assert_eq!(remembered(&M, "ab", str::to_string, len), 2);
        assert_eq!(remembered(&M, "ab", str::to_string, len), 2);
        assert_eq!(calls.get(), 1);
        remembered(&M, "abc", str::to_string, len);
        remembered(&M, "abcd", str::to_string, len); // full: cleared first
        assert_eq!(remembered(&M, "ab", str::to_string, len), 2);
        assert_eq!(calls.get(), 4);
    }

    thread_local! {
        static H: RefCell<HashMemo<String, usize>> = RefCell::new(Memo::new(8));
    }

    #[test]
    fn equal_hashes_of_different_inputs_stay_apart() {
        let calls = Cell::new(0);
        let get = |s: &str| {
            // every input hashes to 7: only `same` tells them apart
            remembered_by_hash(
                &H,
                7,
                |k: &String| k == s,
                || s.to_string(),
                || {
                    calls.set(calls.get() + 1);
                    s.len()
                },
            )
        };
        assert_eq!(get("ab"), 2);
        assert_eq!(get("abc"), 3);
        assert_eq!(get("ab"), 2);
        assert_eq!(get("abc"), 3);
        assert_eq!(calls.get(), 2);
    }
}
