import type { SessionAssuranceView } from '@dvc-kit/sdk/contract';

/**
 * Detail of `dvc-assurance-met`: the session's assurance as the service told it when it said the session
 * meets the gate's requirement (`ial`, `ialMethod`, `aal`, `amr`, `authTime`, `vneidLevel?`).
 */
export interface DvcAssuranceMetDetail {
  readonly assurance: SessionAssuranceView;
}
