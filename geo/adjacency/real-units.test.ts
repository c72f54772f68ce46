import { describe, expect, it } from 'vitest';
import { defaultAdjacency } from './index';

const ids = (jurisdiction: 'ili' | 'kizilsu', unitId: string) =>
  defaultAdjacency(jurisdiction)
    .neighbours.get(unitId)!
    .map((neighbour) => neighbour.id)
    .sort();

describe('adjacency of the bundled units', () => {
  it('伊宁市 borders 伊宁县', () => {
    expect(ids('ili', '654002')).toContain('654021');
  });

  it('奎屯市, an exclave far to the east, has no Ili neighbour', () => {
    expect(ids('ili', '654003')).toEqual([]);
  });

  it('可克达拉市区 sits between 伊宁市, 霍城县 and 察布查尔县 and shares an edge with the 66团 part', () => {
    // GEO.md: two pairs of Kokdala parts share edges; the urban core and 66团 (金梁镇) are one of them.
    expect(ids('ili', 'xpcc4-kokdala')).toEqual(['654002', '654022', '654023', 'xpcc4-r66']);
  });

  it('the other pair of Kokdala parts sharing an edge is 67团 with 63团·64团', () => {
    expect(ids('ili', 'xpcc4-r67')).toContain('xpcc4-r63-64');
  });

  it('Kizilsu: 乌恰县 joins 阿图什市 and 阿克陶县, which Kashgar separates; 阿合奇县 borders only 阿图什市', () => {
    expect(ids('kizilsu', '653024')).toEqual(['653001', '653022']);
    expect(ids('kizilsu', '653022')).toEqual(['653024']);
    expect(ids('kizilsu', '653023')).toEqual(['653001']);
    expect(ids('kizilsu', '653001')).toEqual(['653023', '653024']);
  });

  it('lists regiments whose boundary is pending as units without neighbours (they cannot join a region yet)', () => {
    const graph = defaultAdjacency('ili');
    expect(graph.nodes).toHaveLength(29);
    expect(graph.neighbours.get('xpcc4-r70')).toEqual([]);
    expect(defaultAdjacency('kizilsu').nodes.sort()).toEqual(['653001', '653022', '653023', '653024']);
  });

  it('is symmetric, with the same length seen from both sides', () => {
    const graph = defaultAdjacency('ili');
    for (const [id, list] of graph.neighbours)
      for (const neighbour of list) {
        const back = graph.neighbours.get(neighbour.id)!.find((entry) => entry.id === id);
        expect(back?.sharedKm).toBe(neighbour.sharedKm);
      }
  });
});
