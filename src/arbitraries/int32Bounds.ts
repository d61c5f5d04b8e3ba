/** The smallest Graph `Int32`. */
export const INT32_MIN = -2147483648;

/** The largest Graph `Int32`. */
export const INT32_MAX = 2147483647;
