// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { REHEARSAL_ROUNDS, rehearseKeys } from './key-rehearsal.js';

describe('rehearseKeys', () => {
  it('tags and deletes on a hidden reader of its own, then leaves nothing behind and the focus where it was', async () => {
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    const before = document.body.innerHTML;
    let steps = 0;
    const painted = await rehearseKeys((step) => {
      steps++;
      // While it runs, its reader is hidden from assistive technology and out of reach.
      const mount = document.querySelector('.reader-rehearsal');
      if (mount) expect(mount.getAttribute('aria-hidden')).toBe('true');
      setTimeout(step, 0);
    });
    // Every round's tag was painted in the hidden view: the real path ran, not a shortcut of it.
    expect(painted).toBe(REHEARSAL_ROUNDS);
    // One idle slice to start and one per round, so a key pressed meanwhile waits one step at most.
    expect(steps).toBe(REHEARSAL_ROUNDS + 1);
    expect(document.querySelector('.reader-rehearsal')).toBeNull();
    expect(document.body.innerHTML).toBe(before);
    expect(document.activeElement).toBe(field);
  });
});
