import type { Executor } from '@chainmap/graph';
import { beginImport, finishImport, writeCatalog, type Catalog } from '@chainmap/seed';

// A 60-link chain for the panorama's render figure (issue 6: "a 60-link panorama appears within
// a second of its data"); the catalog's largest real chain has 33 links. 20 links a stage, every
// fifth one a sub-link of the link before it, each feeding the next stage's link of the same rank
// and its neighbour, and firms of 咸宁市 placed on two links in three so every status shows.

export const SIXTY = { chainId: 'e2e60', links: 60 } as const;

const STAGES = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const;
const STAGE_NAMES = { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游' } as const;
const id = (s: number, i: number) => `${SIXTY.chainId}.s${s}-${String(i).padStart(2, '0')}`;

export function sixtyLinkCatalog(): Catalog {
  const links: Catalog['links'] = [];
  const supplies: Catalog['supplies'] = [];
  STAGES.forEach((stage, s) => {
    for (let i = 0; i < 20; i++) {
      links.push({
        id: id(s, i),
        chainId: SIXTY.chainId,
        name: `${STAGE_NAMES[stage]}环节${i + 1}`,
        stage,
        key: i % 4 === 0,
        description: `测试用${STAGE_NAMES[stage]}环节`,
        shenwan: [],
        ...(i % 5 === 4 ? { parent: id(s, i - 1) } : {}),
      });
      if (s < 2 && i % 5 !== 4) {
        const edge = { fromChainId: SIXTY.chainId, toChainId: SIXTY.chainId };
        supplies.push({ from: id(s, i), to: id(s + 1, i), ...edge });
        if (i + 1 < 20 && (i + 1) % 5 !== 4) supplies.push({ from: id(s, i), to: id(s + 1, i + 1), ...edge });
      }
    }
  });
  return {
    chains: [
      { id: SIXTY.chainId, name: '全景测试链（60环节）', description: '端到端测试用的 60 个环节的产业链。' },
    ],
    links,
    supplies,
  };
}

/** Write the chain and place firms of 咸宁市 on it: none on every third link (MISSING). */
export async function writeSixtyLinkChain(executor: Executor): Promise<void> {
  const importId = await beginImport(executor, 'catalog', 'test/e2e/sixty.ts');
  await writeCatalog(executor, sixtyLinkCatalog(), importId);
  await finishImport(executor, importId, 'COMPLETE', {
    read: SIXTY.links,
    created: SIXTY.links,
    updated: 0,
    rejected: 0,
    unresolved: 0,
  });
  await executor.write(
    {
      name: 'e2eSixtyFirms',
      text: `MATCH (e:Enterprise) WHERE e.cityCode = '421200'
             WITH e ORDER BY e.id LIMIT 120
             WITH collect(e) AS firms
             MATCH (:Chain {id: $chainId})-[:HAS_LINK]->(l:Link)
             WITH firms, l ORDER BY l.id
             WITH firms, collect(l) AS links
             UNWIND range(0, size(links) - 1) AS i
             WITH firms, links[i] AS l, i WHERE i % 3 <> 0
             UNWIND range(0, i % 4) AS k
             WITH l, firms[(i * 2 + k) % size(firms)] AS e
             MERGE (e)-[o:OPERATES_IN]->(l) ON CREATE SET o.source = 'MANUAL', o.confidence = 1.0`,
    },
    { chainId: SIXTY.chainId },
  );
}
