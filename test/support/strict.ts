/**
 * Loaded by mocha before every unit suite (.mocharc.json): controllers of the simulated
 * clusters the tests make read frozen copies, so one changing what it read fails loudly.
 */
import { checkControllerReads } from '../../simulator/src/controllers/runtime';

checkControllerReads(true);
