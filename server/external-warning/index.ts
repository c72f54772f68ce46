export {
  currentExternalWarning,
  externalWarningInputSchema,
  restoreExternalWarning,
} from './external-warning';
export { externalWarningRouter } from './router';
