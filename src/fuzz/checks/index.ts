import type { FuzzCheck } from '../FuzzCheck';
import { contentTypeConformance } from './contentTypeConformance';
import { createEcho } from './createEcho';
import { ensureResourceAvailability } from './ensureResourceAvailability';
import { ignoredAuth } from './ignoredAuth';
import { malformedJsonRejection } from './malformedJsonRejection';
import { maxResponseTime } from './maxResponseTime';
import { negativeDataRejection } from './negativeDataRejection';
import { notAServerError } from './notAServerError';
import { positiveDataAcceptance } from './positiveDataAcceptance';
import { responseSchemaConformance } from './responseSchemaConformance';
import { statusCodeConformance } from './statusCodeConformance';
import { unknownParent } from './unknownParent';
import { unsupportedMediaType } from './unsupportedMediaType';
import { unsupportedMethod } from './unsupportedMethod';
import { useAfterFree } from './useAfterFree';

/** Every check, in the order reports list them. */
export const ALL_CHECKS: readonly FuzzCheck[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  positiveDataAcceptance,
  negativeDataRejection,
  malformedJsonRejection,
  createEcho,
  ensureResourceAvailability,
  ignoredAuth,
  unknownParent,
  unsupportedMediaType,
  unsupportedMethod,
  useAfterFree,
  maxResponseTime,
];
