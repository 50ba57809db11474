import type { ProgrammeDescribed } from '../events';

/**
 * The programme Slimmernetwerk was part of, announced in December 2011: one description for the specs of the
 * decider that takes it, the projection that keeps it and the report that shows it.
 */
export const programme2011: ProgrammeDescribed['data'] = {
  year: 2011,
  programmeId: 'slimmernetwerk',
  name: 'Innoveren door professionals, versterking en groei Slimmernetwerk',
  goals: ['Professionals in het openbaar bestuur innoveren zelf'],
  consortium: [{ organisation: 'Kennisland' }, { organisation: 'Kafkabrigade' }, { organisation: 'TNO' }],
  funder: { organisation: 'Ministerie van BZK', scheme: 'Beter Werken in het Openbaar Bestuur' },
  announcedOn: '2011-12-13',
};
