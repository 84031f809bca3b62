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

/**
 * Download a file of the API as the signed-in user (a plain link cannot send the token): fetch it
 * with the session's Authorization, then save the blob under the server's file name.
 */
export async function downloadAsUser(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`下载失败（HTTP ${res.status}）`);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name =
    /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ??
    /filename="([^"]+)"/.exec(disposition)?.[1] ??
    'export';
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = decodeURIComponent(name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
