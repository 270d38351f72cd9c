/**
 * User Timing marks the renderer sets for `npm run bench` to read: names only, shared so the page
 * and the bench agree. A mark costs nothing and sends nothing anywhere.
 */

/** Set in the frame after the popover's first rows rendered, once per page. */
export const FIRST_ROWS_MARK = 'parrot-tray:first-rows';
