// The Keystroke-Level Model (Card, Moran & Newell, "The keystroke-level model for user
// performance time with interactive systems", Communications of the ACM 23(7), 396-410,
// 1980, https://doi.org/10.1145/358886.358895): a task's time for a user who knows what to
// do is predicted as the sum of its physical and mental operators' times plus the time the
// system makes the user wait. A `KlmTask` performs each UI action in the page through
// Playwright and records the operators a person would spend on it, so the prediction is of
// the script's own actions, one for one.
//
// Operators (the paper's Figure 1):
//   K 0.28 s  a keystroke (an average non-secretarial typist, 40 words a minute)
//   P 1.10 s  pointing with a mouse at a target on the screen
//   B 0.10 s  pressing or releasing a mouse button (a click is B B)
//   H 0.40 s  moving the hand between the keyboard and the mouse
//   M 1.35 s  mental preparation for the next step
//   R         the system's response, measured here as the wall time of the wait
//
// M is placed by the paper's heuristic rules: rule 0 puts an M before each K that is not
// part of a typed argument and before each P that selects a command; rule 1 drops the M
// before an operator anticipated by the previous one (the B B that completes a P); rule 2
// keeps one M for a string that is one cognitive unit (a number typed into a field). This
// module adds an M for each reading of an answer, the step that ends a task.

/** Seconds per operator, from Card, Moran & Newell (1980), Figure 1. */
export const OPERATOR_SECONDS = { K: 0.28, P: 1.1, B: 0.1, H: 0.4, M: 1.35 };

/** One task's operators and measured responses, performed in `page`. */
export class KlmTask {
  constructor(name) {
    this.name = name;
    this.hand = "mouse";
    this.actions = []; // { what, operators: "M P B B", response_s }
  }

  /** Records `operators` (a string such as "M P B B") for the action `what`. */
  record(what, operators, responseSeconds = 0) {
    this.actions.push({ what, operators, response_s: round(responseSeconds) });
  }

  /** The hand on the mouse: "H " when it was on the keyboard. */
  toMouse() {
    if (this.hand === "mouse") return "";
    this.hand = "mouse";
    return "H ";
  }

  /** The hand on the keyboard: "H " when it was on the mouse. */
  toKeyboard() {
    if (this.hand === "keyboard") return "";
    this.hand = "keyboard";
    return "H ";
  }

  /** Waits for `done` (a promise-returning function) and returns its wall time in seconds. */
  async respond(done) {
    const start = performance.now();
    await done();
    return (performance.now() - start) / 1000;
  }

  /**
   * Clicks a command (a link, a button): M P B B, then waits for `done`, the page's answer
   * to the click, timed as R.
   */
  async click(what, locator, done = async () => {}) {
    const hand = this.toMouse();
    await locator.click();
    this.record(what, `${hand}M P B B`, await this.respond(done));
  }

  /**
   * Brings `locator` into view with the mouse wheel, counted as one P (the 1980 model has no
   * scrolling operator: a wheel turn to a target seen on the page is a pointing movement).
   */
  async scrollTo(what, locator) {
    const hand = this.toMouse();
    await locator.scrollIntoViewIfNeeded();
    this.record(what, `${hand}P`);
  }

  /**
   * Picks option `value` of a drop-down list: M P B B to open it, M P B B to choose the
   * option (a decision among the list's labels), then waits for `done`.
   */
  async choose(what, select, value, done = async () => {}) {
    const hand = this.toMouse();
    await select.selectOption(value);
    this.record(what, `${hand}M P B B M P B B`, await this.respond(done));
  }

  /**
   * Replaces a field's text as a person does: M P B B to click into the field found by its
   * label, H to the keyboard, then one M for the value (rule 2), Ctrl+A (K K) and a K for
   * each character typed; then waits for `done`.
   */
  async type(what, page, field, text, done = async () => {}) {
    const toMouse = this.toMouse();
    await field.click();
    const toKeys = this.toKeyboard();
    await page.keyboard.press("Control+A");
    await page.keyboard.type(text);
    const keys = Array.from(text, () => "K").join(" ");
    this.record(`${what}: "${text}"`, `${toMouse}M P B B ${toKeys}M K K ${keys}`, await this.respond(done));
  }

  /** Keystrokes (`keys`, one K each) after an M, then waits for `done`. */
  async keys(what, count, perform, done = async () => {}) {
    const hand = this.toKeyboard();
    await perform();
    this.record(what, `${hand}M ${Array.from({ length: count }, () => "K").join(" ")}`, await this.respond(done));
  }

  /** Waits for the system alone (a page load, a download, a spreadsheet opening): R. */
  async wait(what, done) {
    this.record(what, "", await this.respond(done));
  }

  /** Reads an answer on the screen: M. Returns `value`. */
  read(what, value) {
    this.record(what, "M");
    return value;
  }

  /** The task's row of the table: operators, their seconds, the measured waits, the sum. */
  summary() {
    const operators = this.actions.flatMap((a) => a.operators.split(" ").filter(Boolean));
    const counts = Object.fromEntries(Object.keys(OPERATOR_SECONDS).map((op) => [op, operators.filter((o) => o === op).length]));
    const operatorSeconds = operators.reduce((sum, op) => sum + OPERATOR_SECONDS[op], 0);
    const responseSeconds = this.actions.reduce((sum, a) => sum + a.response_s, 0);
    return {
      task: this.name,
      actions: this.actions.length,
      operators: counts,
      operator_s: round(operatorSeconds),
      response_s: round(responseSeconds),
      predicted_s: round(operatorSeconds + responseSeconds),
      steps: this.actions,
    };
  }
}

const round = (seconds) => Math.round(seconds * 1000) / 1000;
