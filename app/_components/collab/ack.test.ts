import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AckTracker } from './ack';

describe('AckTracker', () => {
  it('is neither pending nor saved before any local change', () => {
    const t = new AckTracker();
    expect(t.pending).toBe(false);
    expect(t.saved).toBe(false);
  });

  it('is pending after a local change until the server acknowledges a state vector that covers it', () => {
    const doc = new Y.Doc();
    const t = new AckTracker();
    doc.getText('t').insert(0, 'hello');
    t.noteLocalChange(doc);
    expect(t.pending).toBe(true);
    t.noteAck(new Map([[doc.clientID, 3]]));
    expect(t.pending).toBe(true);
    expect(t.saved).toBe(false);
    t.noteAck(Y.decodeStateVector(Y.encodeStateVector(doc)));
    expect(t.pending).toBe(false);
    expect(t.saved).toBe(true);
  });

  it('becomes pending again when a newer local change follows an acknowledgement', () => {
    const doc = new Y.Doc();
    const t = new AckTracker();
    doc.getText('t').insert(0, 'a');
    t.noteLocalChange(doc);
    t.noteAck(Y.decodeStateVector(Y.encodeStateVector(doc)));
    doc.getText('t').insert(1, 'b');
    t.noteLocalChange(doc);
    expect(t.saved).toBe(false);
    expect(t.pending).toBe(true);
  });

  it('does not move backwards when an older acknowledgement arrives late', () => {
    const doc = new Y.Doc();
    const t = new AckTracker();
    doc.getText('t').insert(0, 'abc');
    t.noteLocalChange(doc);
    t.noteAck(Y.decodeStateVector(Y.encodeStateVector(doc)));
    t.noteAck(new Map([[doc.clientID, 1]]));
    expect(t.saved).toBe(true);
  });

  it('ignores changes of other clients in the acknowledged state vector', () => {
    const doc = new Y.Doc();
    const t = new AckTracker();
    doc.getText('t').insert(0, 'mine');
    t.noteLocalChange(doc);
    t.noteAck(new Map([[doc.clientID + 1, 100]]));
    expect(t.pending).toBe(true);
  });
});
