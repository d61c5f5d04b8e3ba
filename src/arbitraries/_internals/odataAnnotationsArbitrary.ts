import fc from 'fast-check';

/** Keys the entity contract types itself, so an annotation must not reuse them. */
const TYPED_ANNOTATIONS = new Set(['@odata.type', '@odata.context']);

const REALISTIC_ANNOTATIONS: readonly (readonly [string, unknown])[] = [
  ['@odata.etag', 'W/"JzEtVXNlclN0YXR1cyAyMDIwMDYxNDIwNTI1MiAn"'],
  ['@odata.id', 'deviceManagement/deviceCompliancePolicies/p/userStatuses/s'],
  ['@odata.editLink', 'deviceManagement/deviceCompliancePolicies/p/userStatuses/s'],
  ['lastReportedDateTime@odata.type', '#DateTimeOffset'],
  ['status@odata.type', '#microsoft.graph.complianceStatus'],
  ['@microsoft.graph.tips', 'Use $select to choose only the properties your app needs.'],
];

/**
 * OData instance annotations a server may add to an entity (any key containing `@` besides the
 * typed `@odata.type` and `@odata.context`): usually none, otherwise some realistic ones and maybe
 * one with a generated key.
 */
export function odataAnnotationsArbitrary(): fc.Arbitrary<Record<`${string}@${string}`, unknown>> {
  const generated = fc
    .tuple(
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 12 }),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    )
    .map(([before, after, value]) => [`${before}@${after}`, value] as const)
    .filter(([key]) => !TYPED_ANNOTATIONS.has(key));
  const some = fc
    .tuple(fc.subarray([...REALISTIC_ANNOTATIONS]), fc.option(generated, { nil: undefined }))
    .map(([realistic, extra]) => {
      const annotations: Record<string, unknown> = {};
      for (const [key, value] of realistic) annotations[key] = value;
      if (extra !== undefined) annotations[extra[0]] = extra[1];
      return annotations as Record<`${string}@${string}`, unknown>;
    });
  // Shrinks toward no annotation at all.
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: some },
  );
}
