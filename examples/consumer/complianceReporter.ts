// The code under test: a consumer's own module that reports a device's compliance to Graph. It is
// what a team writes; nothing here comes from the toolkit.

/** What the team's inventory knows about a user's devices. */
export interface UserComplianceSnapshot {
  readonly displayName: string | null;
  readonly principalName: string | null;
  readonly devices: ReadonlyArray<{ readonly compliant: boolean; readonly lastSeen: Date }>;
}

/** Graph answered with an error; keeps Graph's code so callers can branch on it. */
export class GraphCallError extends Error {
  constructor(
    readonly status: number,
    readonly graphCode: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'GraphCallError';
  }
}

/** Where and how to call Graph. */
export interface ReporterOptions {
  readonly baseUrl?: string;
  readonly getToken: () => Promise<string>;
}

/** Reports one user's compliance under a policy; resolves to the id Graph assigned. */
export async function reportCompliance(
  options: ReporterOptions,
  policyId: string,
  snapshot: UserComplianceSnapshot,
): Promise<string> {
  const baseUrl = options.baseUrl ?? 'https://graph.microsoft.com/v1.0';
  const lastSeen = snapshot.devices.reduce(
    (latest, device) => (device.lastSeen > latest ? device.lastSeen : latest),
    new Date(0),
  );
  const body = {
    userDisplayName: snapshot.displayName,
    userPrincipalName: snapshot.principalName,
    devicesCount: snapshot.devices.length,
    status:
      snapshot.devices.length === 0
        ? 'notApplicable'
        : snapshot.devices.every((device) => device.compliant)
          ? 'compliant'
          : 'nonCompliant',
    lastReportedDateTime: lastSeen.toISOString(),
  };
  const response = await fetch(
    `${baseUrl}/deviceManagement/deviceCompliancePolicies/${encodeURIComponent(policyId)}/userStatuses`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await options.getToken()}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    },
  );
  const answer = (await response.json()) as {
    id?: string;
    error?: { code?: string; message?: string };
  };
  if (!response.ok || answer.id === undefined) {
    throw new GraphCallError(
      response.status,
      answer.error?.code,
      answer.error?.message ?? `Graph answered ${response.status}`,
    );
  }
  return answer.id;
}
