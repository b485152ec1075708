// Runs the forged-request suite against tf.js 4.x.
import * as tf from '@tensorflow/tfjs';
import { forgedSuite } from './forged-suite';

forgedSuite('tf.js ' + tf.version.tfjs, tf);
