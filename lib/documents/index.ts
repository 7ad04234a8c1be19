/** Document locks: lock and unlock a part of a collaborative document (see records.ts). */
export { lockDocument, ZLockDocument, type LockDocument, type LockOptions } from './lock-document';
export { unlockDocument, type UnlockTarget } from './unlock-document';
export { listDocumentLocks } from './list-locks';
export { type DocumentLock, lockablePart, lockedPartsByDoc } from './records';
