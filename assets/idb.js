// One IndexedDB database, opened once per page and let go when another tab or a wipe deletes
// it; `tx` runs work in a transaction and resolves once it has committed. The encrypted
// personal store (sync/browser/store.js), the clinic desk's outbox (clinic/desk_store.js)
// and the clinic's trust list (clinic/trust.js) each open theirs with it.

/**
 * `upgrade(db)` creates the object stores; `onGone()` runs when the database is closed for
 * another tab or a wipe (drop what was derived from it).
 */
export function database(name, version, upgrade, onGone) {
  let dbPromise = null;
  const open = () => {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onupgradeneeded = () => upgrade(request.result);
        request.onsuccess = () => {
          const db = request.result;
          db.onversionchange = () => {
            db.close();
            dbPromise = null;
            if (onGone) onGone();
          };
          resolve(db);
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error(`${name} blocked`));
      });
    }
    return dbPromise;
  };
  /** `work(transaction)` may return a request (or an object with a `result` getter):
   * the promise resolves with its result once the transaction has committed. */
  const tx = async (stores, mode, work) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const t = db.transaction(stores, mode);
      const result = work(t);
      t.oncomplete = () => resolve(result && typeof result === "object" && "result" in result
        ? result.result : result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  };
  return { open, tx };
}
