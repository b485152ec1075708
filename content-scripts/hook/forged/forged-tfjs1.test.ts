// Runs the forged-request suite against tf.js 1.x.
import * as tf from 'tfjs1';
import { forgedSuite } from './forged-suite';

forgedSuite('tf.js ' + tf.version.tfjs, tf);
