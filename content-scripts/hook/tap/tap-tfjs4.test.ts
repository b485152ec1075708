// Runs the tap suite against tf.js 4.x ('@tensorflow/tfjs').
import * as tf from '@tensorflow/tfjs';
import { tapSuite } from './tap-suite';

tapSuite('tf.js ' + tf.version.tfjs, tf);
