// The e-services the directorate publishes (see the domain notes). A static list until the
// service catalogue is served by the API; fees are dated data and are not repeated here.
export const serviceKeys = [
  'passport',
  'transferInformation',
  'authorization',
  'iqamaIssue',
  'iqamaRenewal',
  'exitReentry',
  'finalExit',
  'professionChange',
  'transferServices',
] as const;

export type ServiceKey = (typeof serviceKeys)[number];
