"""Delta sync between the server and the phone's encrypted store.

- `models.py`: the change log (one row per change, a per-person cursor) and the ledger of
  applied client mutations.
- `documents.py`: the records a phone keeps, as small language-neutral JSON documents.
- `changes.py`: recording changes (in the writer's transaction) and reading them safely.
- `protocol.py`: pull and push, the two messages of the protocol (README: "Delta sync").
- `browser/`: the phone's side (IndexedDB, AES-GCM, the sync loop), published under /sync/.
"""
