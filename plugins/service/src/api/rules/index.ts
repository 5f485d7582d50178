import { endpointAdded, endpointRemoved, methodRemoved } from './operation-rules.js';
import {
  optionalParameterAdded,
  optionalParameterRemoved,
  parameterMadeOptional,
  parameterMadeRequired,
  parameterTypeChanged,
  requiredParameterAdded,
  requiredParameterRemoved,
} from './parameter-rules.js';
import { requestBodyAdded, requestBodyMadeRequired, requestBodyRemoved, requestBodySchemaChanged } from './request-body-rules.js';
import { responseSchemaChanged, responseStatusAdded, responseStatusRemoved } from './response-rules.js';
import { compositionChanged, modelAdded, modelRemoved } from './model-rules.js';
import {
  propertyAdded,
  propertyMadeOptional,
  propertyMadeRequired,
  propertyRemoved,
  propertyTypeChanged,
  requiredPropertyAdded,
} from './property-rules.js';

/** Every rule of the API checker; for a change kind, the first rule whose `when` matches classifies it. */
export const apiRules = [
  endpointRemoved,
  methodRemoved,
  endpointAdded,
  requiredParameterAdded,
  optionalParameterAdded,
  requiredParameterRemoved,
  optionalParameterRemoved,
  parameterMadeRequired,
  parameterMadeOptional,
  parameterTypeChanged,
  requestBodyMadeRequired,
  requestBodyAdded,
  requestBodyRemoved,
  requestBodySchemaChanged,
  responseSchemaChanged,
  responseStatusRemoved,
  responseStatusAdded,
  modelRemoved,
  modelAdded,
  compositionChanged,
  propertyRemoved,
  propertyAdded,
  requiredPropertyAdded,
  propertyMadeRequired,
  propertyMadeOptional,
  propertyTypeChanged,
];
