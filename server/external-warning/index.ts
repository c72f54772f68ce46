export { restoreExternalWarning } from './external-warning';
