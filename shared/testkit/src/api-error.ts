import type { ApiErrorBody } from "@workshop/protocol";

/** The status and error code of a JSON error answer, for one-line assertions. */
export async function apiErrorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as ApiErrorBody;
  return { status: response.status, code: body.error.code };
}
