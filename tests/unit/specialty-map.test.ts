// Own specialty names -> CMS provider types: the user's edit wins, then the defaults, then a
// name that is itself a CMS type; otherwise none.
import { describe, expect, it } from 'vitest';
import { mapSpecialties } from '../../src/lib/specialty-map.ts';

describe('specialty mapping', () => {
	const types = ['Family Practice', 'Pulmonary Disease', 'Dermatology', 'Pediatric Medicine'];
	it('user, default, same name, none', () => {
		expect(mapSpecialties(['Family Medicine', 'Pulmonary/Critical Care', 'dermatology', 'Pediatrics', 'Sleep Medicine', 'Peds'], types, { Peds: 'Pediatric Medicine' })).toEqual([
			{ own: 'Family Medicine', cms: 'Family Practice', basis: 'default' },
			{ own: 'Pulmonary/Critical Care', cms: 'Pulmonary Disease', basis: 'default' },
			{ own: 'dermatology', cms: 'Dermatology', basis: 'default' },
			{ own: 'Pediatrics', cms: 'Pediatric Medicine', basis: 'default' },
			{ own: 'Sleep Medicine', cms: null, basis: 'none' },
			{ own: 'Peds', cms: 'Pediatric Medicine', basis: 'user' }
		]);
	});
	it('a default whose CMS type is not in the file falls back to the same name, else none', () => {
		expect(mapSpecialties(['Cardiology', 'Orthopedics'], ['Cardiology'], {})).toEqual([
			{ own: 'Cardiology', cms: 'Cardiology', basis: 'default' },
			{ own: 'Orthopedics', cms: null, basis: 'none' }
		]);
		expect(mapSpecialties(['Hospitalist'], ['Hospitalist'], {})).toEqual([{ own: 'Hospitalist', cms: 'Hospitalist', basis: 'same name' }]);
	});
});
