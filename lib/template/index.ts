// The template → parameter model and the one validator, shared by the browser form and the
// server. Nothing here may import Node built-ins, `server-only` or the AWS SDK.
export { readTemplateText, TemplateReadError } from './read';
export {
  parameterModel,
  findParameter,
  OTHER_PARAMETERS_LABEL,
  ALL_PARAMETERS_LABEL,
  type ParameterModel,
  type ParameterGroup,
  type ParameterDefinition,
} from './model';
export {
  classifyParameterType,
  isListType,
  isAwsList,
  AWS_SPECIFIC_TYPES,
  type AwsSpecificType,
  type ParameterType,
  type ParameterKind,
} from './parameter-type';
export { anchorPattern, type ParameterConstraints } from './constraints';
export { checkValue, splitList, type ValueOutcome } from './value-rules';
export { validateParameters, type ValidationOptions, type ValidationResult } from './validate';
export { subnetsInTwoAzs, type CrossFieldCheck } from './checks';
export { stackParameters, type StackParameter } from './request';
export { quickCreateLink, readQuickCreateParams, type QuickCreateParams } from './quick-create';
export { TemplateModelError, ParameterValuesError } from './errors';
