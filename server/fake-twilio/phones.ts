// The phones out there that <Dial> rings: each number behaves as the test said, or does not answer.

export interface AnswerOptions {
  /** Keys pressed at each screening <Gather> on the child leg; null = picks up and presses nothing (e.g. personal voicemail). */
  press: string | null;
  /** Wall-clock delay before picking up; with several <Number>s the smallest afterMs picks up first. */
  afterMs?: number;
  /** Simulated seconds of ringing before pickup (default 5); >= the Dial timeout means no-answer. */
  ringSec?: number;
  /** Simulated length of the conversation once bridged (default 60 s). */
  talkSec?: number;
}

export type PhoneBehaviour =
  | { kind: 'answers'; press: string | null; afterMs: number; ringSec: number; talkSec: number }
  | { kind: 'busy' }
  | { kind: 'no-answer' }
  | { kind: 'fails' };

export const normalizeNumber = (n: string) => n.replace(/[\s\-().]/g, '');

/** Returned by fake.phone(number): pick one behaviour; the last one set applies to every later call. */
export class PhoneSetup {
  constructor(
    private readonly book: PhoneBook,
    readonly number: string,
  ) {}

  /** Picks up; if the <Number> has a screening url, runs its TwiML and presses `press` at each <Gather>. */
  answers(opts: AnswerOptions): this {
    this.book.set(this.number, {
      kind: 'answers',
      press: opts.press,
      afterMs: opts.afterMs ?? 0,
      ringSec: opts.ringSec ?? 5,
      talkSec: opts.talkSec ?? 60,
    });
    return this;
  }

  /** DialCallStatus=busy. */
  isBusy(): this {
    this.book.set(this.number, { kind: 'busy' });
    return this;
  }
  /** Rings until the Dial timeout: DialCallStatus=no-answer. */
  doesNotAnswer(): this {
    this.book.set(this.number, { kind: 'no-answer' });
    return this;
  }
  /** Unreachable / invalid number: DialCallStatus=failed. */
  fails(): this {
    this.book.set(this.number, { kind: 'fails' });
    return this;
  }
}

export class PhoneBook {
  private readonly phones = new Map<string, PhoneBehaviour>();

  set(number: string, b: PhoneBehaviour): void {
    this.phones.set(normalizeNumber(number), b);
  }

  /** The behaviour of a number; an unconfigured number does not answer (configured: false). */
  get(number: string): { behaviour: PhoneBehaviour; configured: boolean } {
    const b = this.phones.get(normalizeNumber(number));
    return b ? { behaviour: b, configured: true } : { behaviour: { kind: 'no-answer' }, configured: false };
  }

  clear(): void {
    this.phones.clear();
  }
}
