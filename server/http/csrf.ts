// Header a browser cannot send cross-site without a CORS preflight we never grant: our CSRF defence.
// Lowercase for Express's req.get, as written for the OpenAPI document.
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_NAME = 'X-Requested-With';
