import { useMutation } from 'urql';
import { AddLibraryEntryDocument, CreateProjectDocument, MoveProjectStageDocument } from '../gql/graphql';

// The explorer's writes, all here: 加入目标库, 立项为线索, 推进/终止项目. Each hook returns urql's
// [state, run] pair; the documents are in mutations.graphql.

/** 加入目标库: add a target enterprise to a task force's target library. */
export const useAddLibraryEntry = () => useMutation(AddLibraryEntryDocument);

/** 立项: open a LEAD (线索) project for a library target. */
export const useCreateProject = () => useMutation(CreateProjectDocument);

/** 推进 / 终止: move a project to another stage of its life cycle (a dated event is recorded). */
export const useMoveProjectStage = () => useMutation(MoveProjectStageDocument);

/** Where the XLSX export of the investment map is served (an HTTP route of the API, not GraphQL). */
export function investmentMapXlsxUrl(regionCode: string, chainId: string): string {
  const q = new URLSearchParams({ regionCode, chainId });
  return `/export/investment-map.xlsx?${q.toString()}`;
}
