import type { Ref } from '../../../../shared/protocol';
import { CREDENTIAL_KINDS, type CredentialKind } from '../content/credentials';
import { SURFACES } from '../content/origins';
import { INITIATIVES, OWNERS } from '../content/people';
import type { Random } from '../random';

/** Who a new session belongs to and where it came from. */
export interface SessionFrame {
  owner: Ref;
  initiative: Ref | null;
  plan: Ref | null;
  surface: (typeof SURFACES)[number];
}

export function pickFrame(rng: Random, surface?: SessionFrame['surface']): SessionFrame {
  const area = rng.chance(0.85) ? rng.pick(INITIATIVES) : null;
  return {
    // The signed-in user owns a good share, so "Mine" is never empty.
    owner: rng.chance(0.35) ? OWNERS[0]! : rng.pick(OWNERS),
    initiative: area?.initiative ?? null,
    plan: area && rng.chance(0.8) ? rng.pick(area.plans) : null,
    surface: surface ?? rng.pick(SURFACES),
  };
}

/** About one tool call or edit in five leaks a credential, so redaction downstream has real work. */
export function maybeSecret(rng: Random): CredentialKind | undefined {
  return rng.chance(0.2) ? rng.pick(CREDENTIAL_KINDS) : undefined;
}
