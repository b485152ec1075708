// Runs the forged-request suite against tf.js 2.x.
import * as tf from 'tfjs2';
import { forgedSuite } from './forged-suite';

forgedSuite('tf.js ' + tf.version.tfjs, tf);
