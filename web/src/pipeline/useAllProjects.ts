import { useCallback, useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { PipelineBoardDocument, type PipelineBoard_ProjectFragment } from '../gql/graphql';

/** Pages are kept small for the API's query-cost limit; this many pages at most (2,000 projects). */
const MAX_PAGES = 40;

/**
 * Every project of a region (and chain), page after page, so the board's counts and sums cover
 * them all. `reload` fetches again from the network (after a move).
 */
export function useAllProjects(regionCode: string | null, chainId: string | null, pause = false) {
  const client = useClient();
  const [state, setState] = useState<{
    projects: PipelineBoard_ProjectFragment[];
    total: number;
    fetching: boolean;
    error: CombinedError | null;
    truncated: boolean;
  }>({ projects: [], total: 0, fetching: Boolean(regionCode), error: null, truncated: false });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!regionCode || pause) return;
    let live = true;
    (async () => {
      setState((s) => ({ ...s, fetching: true, error: null }));
      const all: PipelineBoard_ProjectFragment[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const r = await client
          .query(PipelineBoardDocument, { regionCode, chainId, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (!live) return;
        if (r.error || !r.data) {
          setState((s) => ({ ...s, fetching: false, error: r.error ?? null }));
          return;
        }
        all.push(...r.data.projects.edges.map((e) => e.node));
        total = r.data.projects.totalCount;
        after = r.data.projects.pageInfo.endCursor ?? null;
        if (!r.data.projects.pageInfo.hasNextPage || !after) {
          setState({ projects: all, total, fetching: false, error: null, truncated: false });
          return;
        }
      }
      setState({ projects: all, total, fetching: false, error: null, truncated: true });
    })();
    return () => {
      live = false;
    };
  }, [client, regionCode, chainId, generation, pause]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
