/** Keys of what middleware leaves in `context.turnState` for the rest of the turn. */
export const TURN = {
  /** The customer's words before masking: only the report dialog reads them (agency identifiers). */
  rawText: Symbol('anxin.rawText'),
  piiFound: Symbol('anxin.piiFound'),
  /** Set when the message answered the report dialog's question for the agency's contact details. */
  agencyDetails: Symbol('anxin.agencyDetails'),
  locale: Symbol('anxin.locale'),
  triage: Symbol('anxin.triage'),
  replies: Symbol('anxin.replies'),
} as const;
