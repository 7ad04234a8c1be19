/** The goal text's shared-document helpers live in lib (the server restores versions with them too). */
export { GOALS_ROOT, fragmentText, restoreFragment, setFragmentDoc, setFragmentText } from '@/lib/goals/text-doc';
