"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.X = void 0;
exports.X = 42;
//# sourceMappingURL=index.js.map