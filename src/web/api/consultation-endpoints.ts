import { consultationsContract as c } from '../../contracts/consultations.contract.js';
import type { ConsultationSend, ProposalHandling, ResponseDraft } from '../../domain/consultations.js';
import { call } from './call.js';

/** Consultation rounds: the office sends and handles proposals, the units consulted answer. */
export const consultationEndpoints = {
  send: (id: string, body: ConsultationSend) => call(c.send, { params: { id }, body }),
  rounds: (id: string) => call(c.listRounds, { params: { id } }),
  round: (id: string) => call(c.getRound, { params: { id } }),
  mine: () => call(c.mine),
  response: (id: string) => call(c.getResponse, { params: { id } }),
  saveDraft: (id: string, body: ResponseDraft) => call(c.saveDraft, { params: { id }, body }),
  submit: (id: string) => call(c.submit, { params: { id } }),
  handle: (id: string, sectionKey: string, body: ProposalHandling) =>
    call(c.handle, { params: { id, section_key: sectionKey }, body }),
};
