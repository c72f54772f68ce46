export { type BoundaryService, boundariesDocumentKind, createBoundaryService } from './boundaries';
export { boundariesRouter, boundaryImportQuerySchema } from './router';
