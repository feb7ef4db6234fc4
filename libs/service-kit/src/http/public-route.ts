// One notion of a public route for the whole platform: the one the auth guard checks.
export { IS_PUBLIC_KEY as PUBLIC_ROUTE, Public } from '@kipp/auth';
