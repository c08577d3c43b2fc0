/**
 * "Leave quickly" (issue #12), in the client bundle rather than an inline script, so the CSP
 * stays as it is. The button is a plain link to the neutral site (rel="noreferrer"), which works
 * without JavaScript; with it, a click or three presses of Shift blank the page at once and
 * replace it in the history (location.replace), so Back does not bring it back.
 */

/** Google's home page: see QUICK_EXIT_URL in app/env.server.ts. */
export const DEFAULT_QUICK_EXIT_URL = "https://www.google.com/";

/** GOV.UK's Exit this page: Shift three times within five seconds. */
export const SHIFT_PRESSES = 3;
export const SHIFT_WINDOW_MS = 5_000;

export type ShiftState = { presses: number; firstAt: number };
export const noShifts: ShiftState = { presses: 0, firstAt: 0 };

/**
 * The count after one key press. Any other key in between starts again, so typing capital
 * letters in a form never leaves the page (and loses what was typed); holding Shift down
 * (auto-repeat) counts once.
 */
export function afterKey(
  state: ShiftState,
  press: { key: string; repeat: boolean; at: number },
): { state: ShiftState; leave: boolean } {
  if (press.key !== "Shift") return { state: noShifts, leave: false };
  if (press.repeat) return { state, leave: false };
  const fresh = state.presses === 0 || press.at - state.firstAt > SHIFT_WINDOW_MS;
  const next = fresh ? { presses: 1, firstAt: press.at } : { ...state, presses: state.presses + 1 };
  if (next.presses >= SHIFT_PRESSES) return { state: noShifts, leave: true };
  return { state: next, leave: false };
}

const BUTTON = "a[data-quick-exit]";

/** Blank first (a slow neutral site must not leave this page showing), then replace. */
function leaveTo(url: string) {
  document.title = "";
  document.body.replaceChildren();
  window.location.replace(url);
}

export function installQuickExit() {
  // Capture phase on the document: works before hydration and whatever React does with the link.
  document.addEventListener(
    "click",
    (event) => {
      const target = event.target instanceof Element ? event.target.closest(BUTTON) : null;
      if (!(target instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      event.stopPropagation();
      leaveTo(target.href);
    },
    true,
  );
  let state = noShifts;
  document.addEventListener(
    "keydown",
    (event) => {
      const outcome = afterKey(state, { key: event.key, repeat: event.repeat, at: Date.now() });
      state = outcome.state;
      const button = document.querySelector<HTMLAnchorElement>(BUTTON);
      if (outcome.leave && button) leaveTo(button.href);
    },
    true,
  );
}
