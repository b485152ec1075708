// Runs the forged-request suite against tf.js 3.x.
import * as tf from 'tfjs3';
import { forgedSuite } from './forged-suite';

forgedSuite('tf.js ' + tf.version.tfjs, tf);
