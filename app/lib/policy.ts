import type { MessageKey } from "~/i18n/i18n";
import type { Auth } from "./context";
import { DomainError } from "./errors";

/**
 * Who may do what, as named rules. Each feature defines one policy (`features/<f>/rules.ts`):
 * pure functions of an actor and a resource, no database, so the same rule runs in a route, in
 * a feature function inside its transaction (on rows it locked), and in a table test.
 *
 * - `policy.can(actor, action, resource)` answers yes or no (to show or hide a button).
 * - `policy.authorize(actor, action, resource)` returns a `Decision`, or throws the rule's
 *   refusal as a DomainError (403, or 404 where existence itself is private).
 * - Feature functions that must only run after a check take a `Decision<"action", Resource>`
 *   parameter: the type cannot be built by hand, so "checked by the caller" becomes "the caller
 *   handed over proof of the check".
 */

/** A signed-in person as the rules see them (a CurrentUser fits). */
export type Person = {
  id: string;
  /** Installation admin (manages roles and settings). */
  isAdmin: boolean;
  /** Installation-wide facilitator role (may start networks); not a network's facilitator. */
  isFacilitator: boolean;
  emailVerified: boolean;
};

/** Who acts: a signed-in person, or null for nobody signed in. */
export type Actor = Person | null;

/** The actor behind a request's session. */
export function actorOf(auth: Auth): Actor {
  if (!auth) return null;
  const { id, isAdmin, isFacilitator, emailVerified } = auth.user;
  return { id, isAdmin, isFacilitator, emailVerified };
}

/** The person behind a signed-in session (what `requireUser` returns). */
export function personOf(auth: NonNullable<Auth>): Person {
  const { id, isAdmin, isFacilitator, emailVerified } = auth.user;
  return { id, isAdmin, isFacilitator, emailVerified };
}

/** Why a rule says no: the status the refusal becomes and the message the person reads. */
export type Refusal = { readonly status: 403 | 404 | 409; readonly messageKey: MessageKey };

/** A rule's answer: `true` (allowed) or the refusal. */
export type Verdict = true | Refusal;

/** One named rule. Rules never throw and never touch the database. */
export type Rule<Resource> = (actor: Actor, resource: Resource) => Verdict;

/** The answer that allows. */
export const allow = true as const;

/** A refusal with its status and message key. */
export function refuse(status: Refusal["status"], messageKey: MessageKey): Refusal {
  return { status, messageKey };
}

/** Combines rules that must all allow; the first refusal wins (so order says what is told). */
export function every(...verdicts: Array<() => Verdict>): Verdict {
  for (const verdict of verdicts) {
    const answer = verdict();
    if (answer !== true) return answer;
  }
  return allow;
}

declare const decided: unique symbol;

/**
 * Proof that `actor` may do `action` on `resource`, made only by `authorize()`. The brand is a
 * symbol no module exports, so a Decision cannot be written as an object literal.
 */
export type Decision<Action extends string, Resource, A extends Actor = Actor> = {
  readonly action: Action;
  readonly actor: A;
  readonly resource: Resource;
  readonly [decided]: true;
};

// biome-ignore lint/suspicious/noExplicitAny: the resource type of each rule is inferred per key.
type Rules = Record<string, Rule<any>>;

/** The resource an action of a policy takes. */
export type ResourceOf<R extends Rules, A extends keyof R> = Parameters<R[A]>[1];

/** A feature's rules with the ways to ask them. */
export type Policy<R extends Rules> = {
  readonly name: string;
  readonly rules: R;
  /** The rule's full answer (tests read the refusal's status and key from it). */
  verdict<A extends keyof R & string>(actor: Actor, action: A, resource: ResourceOf<R, A>): Verdict;
  /** Whether the actor may; for showing or hiding what the person can use. */
  can<A extends keyof R & string>(actor: Actor, action: A, resource: ResourceOf<R, A>): boolean;
  /** The decision, or the rule's refusal thrown as a DomainError. */
  authorize<P extends Actor, A extends keyof R & string>(
    actor: P,
    action: A,
    resource: ResourceOf<R, A>,
  ): Decision<A, ResourceOf<R, A>, P>;
};

/**
 * Defines a feature's policy from its named rules. Each rule may take its own kind of resource
 * (a network, a post in it, the installation settings).
 */
export function definePolicy<R extends Rules>(name: string, rules: R): Policy<R> {
  const verdict = <A extends keyof R & string>(
    actor: Actor,
    action: A,
    resource: ResourceOf<R, A>,
  ): Verdict => {
    const rule = rules[action];
    // Only reachable from untyped callers; failing closed keeps a typo from allowing anything.
    if (!rule) return refuse(403, "errors.forbidden");
    return rule(actor, resource);
  };
  return {
    name,
    rules,
    verdict,
    can: (actor, action, resource) => verdict(actor, action, resource) === true,
    authorize(actor, action, resource) {
      const answer = verdict(actor, action, resource);
      if (answer !== true) throw new DomainError(answer.status, answer.messageKey);
      return Object.freeze({ action, actor, resource }) as unknown as Decision<
        typeof action,
        typeof resource,
        typeof actor
      >;
    },
  };
}
