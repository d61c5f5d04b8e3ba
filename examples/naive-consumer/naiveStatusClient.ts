// A team's first version of the call: one POST, no retry. It works against a healthy Graph and
// fails on the first throttle, 5xx or dropped connection.

/** Where and how to call Graph: production passes the global `fetch`, Graph's URL and a token. */
export interface StatusApi {
  readonly fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** `https://graph.microsoft.com/v1.0/deviceManagement/deviceCompliancePolicies/{id}/userStatuses` */
  readonly collectionUrl: string;
  readonly token: string;
}

/** Creates a user status with a single POST and returns its id; any other answer throws. */
export async function createUserStatus(api: StatusApi, body: object): Promise<string> {
  const response = await api.fetch(api.collectionUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`creating a user status failed: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}
