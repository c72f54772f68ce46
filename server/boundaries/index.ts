export { type BoundaryService, boundariesDocumentKind, createBoundaryService } from './boundaries';
