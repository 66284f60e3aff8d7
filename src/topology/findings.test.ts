import { describe, expect, it } from 'vitest';
import { pinFindings } from './findings';
import { finding } from './testing/topology-helpers';

describe('pinFindings', () => {
  const elements = [
    { id: 'title', paths: ['', 'tls'] },
    { id: 'peer-1', paths: ['access.peeredVnets.1'] },
    { id: 'link-peer-1', paths: ['access.peeredVnets.1.zoneLink'] },
    { id: 'peers', paths: ['access.peeredVnets'] },
  ];

  it('pins each finding to the element with the longest matching path', () => {
    const pins = pinFindings(
      elements,
      [
        finding('access.peeredVnets.1.zoneLink'),
        finding('access.peeredVnets.1.region'),
        finding('access.peeredVnets.7.name'),
        finding('tls.minVersion'),
        finding('servers.0.name'),
      ],
      'title',
    );
    expect(Object.fromEntries([...pins].map(([k, v]) => [k, v.map((f) => f.path)]))).toEqual({
      'link-peer-1': ['access.peeredVnets.1.zoneLink'],
      'peer-1': ['access.peeredVnets.1.region'],
      peers: ['access.peeredVnets.7.name'],
      title: ['tls.minVersion', 'servers.0.name'],
    });
  });

  it('does not treat a longer name as a child path (peeredVnets.1 is not peeredVnets.10)', () => {
    const pins = pinFindings(elements, [finding('access.peeredVnets.10.zoneLink')], 'title');
    expect([...pins.keys()]).toEqual(['peers']);
  });
});
