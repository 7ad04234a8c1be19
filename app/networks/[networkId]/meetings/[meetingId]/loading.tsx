export { NetworkPageLoading as default } from '../../_shell/page-loading';
